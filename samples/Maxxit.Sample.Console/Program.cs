using Maxxit.Sample.Console;
using Spectre.Console;

// Modes: no arguments runs the offline demo flow on the embedded default (in-memory store, paper venues).
StopSignals.RestoreInterrupt();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var options = SampleOptions.Parse(args);
    return await SampleHost.RunAsync(options, AnsiConsole.Console, cancellation.Token);
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    AnsiConsole.MarkupLine($"[red]Invalid settings:[/] {Markup.Escape(string.Join("; ", ex.Failures))}");
    return 2;
}
catch (SampleUsageException ex)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
    AnsiConsole.WriteLine(SampleOptions.Usage);
    return 2;
}
