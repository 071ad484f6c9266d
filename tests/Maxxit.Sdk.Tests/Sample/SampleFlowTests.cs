using Maxxit.Sample.Console;
using Maxxit.Sdk.Signals;
using Spectre.Console;

namespace Maxxit.Sdk.Tests.Sample;

public sealed class SampleFlowTests
{
    [Fact]
    public async Task Sample_flow_routes_eth_to_hyperliquid_ostium_only_symbols_to_ostium_and_skips_the_unlisted_one()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;
        var exit = await SampleHost.RunAsync(new SampleOptions(), console, default);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("HYPERLIQUID: pair available", text);
        Assert.Contains("OSTIUM: pair available", text);
        Assert.Contains("No venue available for XYZ", text);
        Assert.Contains("HYPERLIQUID PAPER", text);
        Assert.Contains("OSTIUM PAPER", text);
    }

    [Fact]
    public async Task Demo_report_has_the_expected_outcomes()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.MaxxitServiceCollectionExtensions.AddMaxxitV3(services);
        await using var sp = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var report = await DemoFlow.RunAsync(sp, console, default);

        Assert.Equal([Venue.Hyperliquid, Venue.Ostium, Venue.Ostium, null], report.Executions.Select(e => e.FinalVenue));
        Assert.Equal([SignalStatus.Executed, SignalStatus.Executed, SignalStatus.Executed, SignalStatus.Skipped], report.Executions.Select(e => e.Status));
        Assert.Equal(6, report.Overview.Positions);
        Assert.Equal(2, report.History.Summary.Count(Venue.Hyperliquid));
        Assert.Equal(4, report.History.Summary.Count(Venue.Ostium));
    }
}

public sealed class PolicyDemoTests
{
    [Fact]
    public async Task Two_policies_give_one_adjusted_and_one_rejected_outcome_for_the_same_signal()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.MaxxitServiceCollectionExtensions.AddMaxxitV3(services);
        await using var sp = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var result = await PolicyDemo.RunAsync(sp, console, default);

        Assert.Equal(SignalStatus.Executed, result.Status);
        var adjusted = Assert.Single(result.Deployments, d => d.Policy!.Outcome == Maxxit.Sdk.Policies.PolicyOutcome.Adjusted);
        Assert.Equal(12.5m, adjusted.Position!.SizePercent);
        Assert.Equal(1m, adjusted.Position.Leverage);
        var rejected = Assert.Single(result.Deployments, d => d.Policy!.Outcome == Maxxit.Sdk.Policies.PolicyOutcome.Rejected);
        Assert.Equal("confidence_floor", rejected.Policy!.RejectedBy);
        Assert.Null(rejected.Position);
    }
}
