using Maxxit.Sdk.Execution;
using Microsoft.Extensions.DependencyInjection;

// Usage: Maxxit.Sdk.CrashHost <connection string> <master key> <lease ms> <paper latency ms> [single]
// Executes pending signals until none is left, printing "ready" once started and one line per batch. The test kills it.
// "single": each signal by id (ExecuteAsync: decided, then claimed and reserved in one statement), four at a time;
// otherwise claimed in batches (ExecutePendingAsync).
if (args.Length is not (4 or 5) || (args.Length == 5 && args[4] != "single"))
{
    Console.Error.WriteLine("usage: <connection string> <master key> <lease ms> <paper latency ms> [single]");
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
if (args.Length == 5)
{
    await using var data = Npgsql.NpgsqlDataSource.Create(args[0]);
    while (true)
    {
        var ids = new List<Guid>();
        await using (var cmd = data.CreateCommand("SELECT id FROM signals_v3 WHERE status = 'PENDING' ORDER BY created_at, id LIMIT 4"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(ids.Select(id => executor.ExecuteAsync(id, CancellationToken.None)));
        Console.WriteLine($"batch {ids.Count}");
    }
}

while (true)
{
    var done = await executor.ExecutePendingAsync(4, CancellationToken.None);
    Console.WriteLine($"batch {done.Count}");
    if (done.Count == 0)
    {
        return 0;
    }
}
