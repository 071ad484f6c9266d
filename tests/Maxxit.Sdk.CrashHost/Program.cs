using Maxxit.Sdk.Execution;
using Microsoft.Extensions.DependencyInjection;

// Usage: Maxxit.Sdk.CrashHost <connection string> <master key> <lease ms> <paper latency ms>
// Executes pending signals until none is left, printing "ready" once started and one line per batch. The test kills it.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: <connection string> <master key> <lease ms> <paper latency ms>");
    return 2;
}

var services = new ServiceCollection();
services.AddMaxxitV3(o =>
{
    o.MasterKey = args[1];
    o.SignalLease = TimeSpan.FromMilliseconds(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    o.PaperBehavior.Latency = TimeSpan.FromMilliseconds(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
}).UsePostgres(args[0]);
await using var provider = services.BuildServiceProvider();
var executor = provider.GetRequiredService<ITradeExecutor>();
Console.WriteLine("ready");
while (true)
{
    var done = await executor.ExecutePendingAsync(4, CancellationToken.None);
    Console.WriteLine($"batch {done.Count}");
    if (done.Count == 0)
    {
        return 0;
    }
}
