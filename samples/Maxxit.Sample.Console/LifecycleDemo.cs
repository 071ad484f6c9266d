using System.Globalization;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Routing.Costs;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maxxit.Sample.Console;

/// <summary>
/// The paths a real venue takes, offline: orders the paper venue accepts as pending and later fills (at another price)
/// or cancels, confirmed by fill confirmation; and BEST_EXECUTION sending a token listed on both venues to the cheaper
/// one, with the cost breakdown. Runs on its own embedded host, whatever store the rest of the sample uses.
/// </summary>
public static class LifecycleDemo
{
    public static async Task RunAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3(o =>
        {
            o.PaperBehavior.PendingFraction = 1;
            o.PaperBehavior.CancelFraction = 0.5;
            o.PaperBehavior.PendingDelay = TimeSpan.FromMilliseconds(200);
            o.PaperBehavior.Seed = 3;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMaxxitClient>();

        console.Write(new Rule("[bold]Order lifecycle[/] — pending orders filled or cancelled by the venue").LeftJustified());
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x6666666666666666666666666666666666666666", Name = "Lifecycle Demo" }, cancellationToken);
        for (var i = 0; i < 4; i++)
        {
            await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0x" + (0x7000 + i).ToString("x40", CultureInfo.InvariantCulture) }, cancellationToken);
        }

        var signal = await client.GenerateSignalAsync(Request(agent.Id, "ETH"), cancellationToken);
        var executed = await client.ExecuteTradeAsync(signal.Id, cancellationToken);
        var requested = executed.Positions.ToDictionary(p => p.Id);

        // Fill confirmation runs in the position monitor's pass on a host; here it is called once the first check is due (1 s).
        await Task.Delay(TimeSpan.FromMilliseconds(1_100), cancellationToken);
        var confirmed = (await provider.GetRequiredService<FillConfirmer>().RunOnceAsync(cancellationToken)).ToDictionary(p => p.Id);
        var table = new Table().AddColumns("Deployment", "After execute", "After confirmation", "Fill / reason");
        foreach (var (id, before) in requested)
        {
            var after = confirmed.GetValueOrDefault(id) ?? before;
            table.AddRow(
                before.DeploymentId.ToString()[..8],
                Name(before.Status),
                after.Status == PositionStatus.Open ? $"[green]{Name(after.Status)}[/]" : $"[yellow]{Name(after.Status)}[/]",
                after.Status == PositionStatus.Open ? $"{after.Quantity} ETH at {after.EntryPrice:0.##}" : Markup.Escape(after.FailureReason ?? string.Empty));
        }

        console.Write(table);
        var overview = await client.GetOverviewAsync(cancellationToken);
        console.MarkupLine($"Open positions {overview.OpenPositions} of {requested.Count} orders: a cancelled order never counts as open.");

        console.Write(new Rule("[bold]BEST_EXECUTION[/] — the cheaper venue for a token both list").LeftJustified());
        await client.SetRoutingConfigAsync(RoutingConfig.GlobalDefault with { Strategy = RoutingStrategy.BestExecution }, cancellationToken);
        // On a generic host VenueCostRefreshService keeps the cost snapshots fresh; here they are loaded once.
        await provider.GetRequiredService<VenueCostRefresher>().RefreshAsync(cancellationToken);
        var router = provider.GetRequiredService<IVenueRouter>();
        foreach (var side in new[] { TradeSide.Long, TradeSide.Short })
        {
            var decision = router.Route(new RoutingRequest("LINK", agent.Id, Side: side, NotionalUsd: 2_500m));
            console.MarkupLine($"LINK {side.ToString().ToUpperInvariant()} $2,500 → [bold]{decision.SelectedVenue?.Name}[/]: {Markup.Escape(decision.Reason)}");
        }
    }

    /// <summary>A venue that refuses the order: the executor fails over to the next venue of the same decision.</summary>
    public static async Task FailoverAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddVenue(_ => new RefusingVenue()).UsePaperVenues();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMaxxitClient>();
        console.Write(new Rule("[bold]Failover[/] — Hyperliquid refuses, the same decision goes on to Ostium").LeftJustified());
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x8888888888888888888888888888888888888888", Name = "Failover Demo" }, cancellationToken);
        await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0x9999999999999999999999999999999999999999" }, cancellationToken);
        var signal = await client.GenerateSignalAsync(Request(agent.Id, "BTC"), cancellationToken);
        var result = await client.ExecuteTradeAsync(signal.Id, cancellationToken);
        var position = result.Positions.Single();
        console.MarkupLine($"BTC LONG → {Name(position.Status)} on [bold]{position.Venue.Name} PAPER[/]");
        console.MarkupLine($"Routing row: {Markup.Escape(result.Deployments[0].Routing?.Reason ?? string.Empty)}");
    }

    private static GenerateSignalRequest Request(Guid agentId, string token) => new()
    {
        AgentId = agentId,
        TokenSymbol = token,
        Side = TradeSide.Long,
        SizeModel = SizeModel.PercentOf(10m),
        RiskModel = RiskModel.Trailing(0.03m),
        Confidence = 0.85m,
    };

    private static string Name(PositionStatus status) => status switch
    {
        PositionStatus.PendingFill => "PENDING_FILL",
        PositionStatus.NeedsReconciliation => "NEEDS_RECONCILIATION",
        _ => status.ToString().ToUpperInvariant(),
    };
}
