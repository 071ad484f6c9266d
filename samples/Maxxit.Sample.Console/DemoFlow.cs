using System.Globalization;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maxxit.Sample.Console;

/// <summary>
/// The original quick start as one flow: create an agent, deploy it to two wallets, generate signals for a token both
/// venues list (ETH → HYPERLIQUID), an Ostium-only one (XAU, EURUSD → OSTIUM) and one no venue lists (skipped), execute
/// them, and print routing decisions, positions and the routing summary.
/// </summary>
public static class DemoFlow
{
    private static readonly (string Token, TradeSide Side, decimal Size, decimal Stop, decimal Confidence)[] Signals =
    [
        ("ETH", TradeSide.Long, 25m, 0.03m, 0.85m),
        ("XAU", TradeSide.Long, 15m, 0.02m, 0.78m),
        ("EURUSD", TradeSide.Short, 10m, 0.01m, 0.72m),
        ("XYZ", TradeSide.Long, 10m, 0.05m, 0.66m),
    ];

    public static async Task<DemoReport> RunAsync(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<IMaxxitClient>();
        console.Write(new Rule("[bold]Maxxit V3[/] — What → How → Where → Execute").LeftJustified());

        var agent = await client.CreateAgentAsync(new CreateAgentRequest
        {
            CreatorWallet = "0x1111111111111111111111111111111111111111",
            Name = "Alpha Hunter V3",
            XAccountIds = ["123456789"],
            Weights = new AgentWeights(1m, 0m),
            ProfitReceiverAddress = "0x1111111111111111111111111111111111111111",
        }, cancellationToken);
        console.MarkupLine($"Agent [green]{Markup.Escape(agent.Name)}[/] {agent.Id} (venue {agent.Venue.Name})");

        foreach (var wallet in new[] { "0x2222222222222222222222222222222222222222", "0x3333333333333333333333333333333333333333" })
        {
            var deployment = await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = wallet }, cancellationToken);
            console.MarkupLine($"Deployed to [blue]{wallet}[/] (deployment {deployment.Id})");
        }

        var executions = new List<ExecutionResult>();
        foreach (var (token, side, size, stop, confidence) in Signals)
        {
            var signal = await client.GenerateSignalAsync(new GenerateSignalRequest
            {
                AgentId = agent.Id,
                TokenSymbol = token,
                Side = side,
                SizeModel = SizeModel.PercentOf(size),
                RiskModel = RiskModel.Trailing(stop),
                Confidence = confidence,
            }, cancellationToken);
            executions.Add(await client.ExecuteTradeAsync(signal.Id, cancellationToken));
        }

        var history = await client.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: 100), cancellationToken);
        var overview = await client.GetOverviewAsync(cancellationToken);
        var venues = services.GetRequiredService<VenueAdapterRegistry>();
        console.Write(DecisionsTable(executions, venues));
        console.Write(PositionsTable(executions, venues));
        console.Write(SummaryTable(history));
        console.MarkupLine($"Agents {overview.Agents} · signals {overview.Signals} · positions {overview.Positions} · routing decisions {overview.Routing.Summary.Total}");
        await PolicyDemo.RunAsync(services, console, cancellationToken);
        await TrailingStopDemo.RunAsync(services, console, cancellationToken);
        await LifecycleDemo.RunAsync(console, cancellationToken);
        await LifecycleDemo.FailoverAsync(console, cancellationToken);
        return new DemoReport(executions, history, overview);
    }

    /// <summary>The venue's name, marked PAPER when its orders are simulated, so that no paper fill passes for a real one.</summary>
    public static string VenueLabel(Venue venue, VenueAdapterRegistry venues) =>
        venues.IsSimulated(venue) ? $"{venue.Name} PAPER" : venue.Name;

    private static Table DecisionsTable(IEnumerable<ExecutionResult> executions, VenueAdapterRegistry venues)
    {
        var table = new Table().Title("Routing decisions").AddColumns("Token", "Signal", "Venue", "Reason", "Checked", "µs");
        foreach (var execution in executions)
        {
            var first = execution.Deployments.FirstOrDefault();
            var routing = first?.Routing;
            table.AddRow(
                Markup.Escape(routing?.TokenSymbol ?? "?"),
                execution.Status.ToString().ToUpperInvariant(),
                routing?.SelectedVenue is { } selected ? VenueLabel(selected, venues) : "[yellow]none[/]",
                Markup.Escape(routing?.Reason ?? execution.Reason ?? string.Empty),
                string.Join(", ", routing?.CheckedVenues.Select(v => v.Name) ?? []),
                routing is null ? "-" : Micros(routing.Duration.TotalMilliseconds));
        }

        return table;
    }

    private static Table PositionsTable(IEnumerable<ExecutionResult> executions, VenueAdapterRegistry venues)
    {
        var table = new Table().Title("Positions").AddColumns("Deployment", "Token", "Venue", "Side", "Qty", "Entry", "Trailing stop", "Order id");
        foreach (var p in executions.SelectMany(e => e.Positions))
        {
            table.AddRow(
                p.DeploymentId.ToString()[..8],
                p.TokenSymbol,
                VenueLabel(p.Venue, venues),
                p.Side.ToString().ToUpperInvariant(),
                p.Quantity.ToString(CultureInfo.InvariantCulture),
                p.EntryPrice.ToString(CultureInfo.InvariantCulture),
                p.Trailing is { } t ? $"{t.Retrace:P1}" : "-",
                Markup.Escape(p.VenueOrderId ?? "-"));
        }

        return table;
    }

    private static Table SummaryTable(RoutingHistoryPage history)
    {
        var table = new Table().Title("Routing summary").AddColumns("Venue", "Decisions", "Share", "Avg µs");
        foreach (var venue in new[] { Venue.Hyperliquid, Venue.Ostium })
        {
            var rows = history.History.Where(r => r.SelectedVenue == venue).ToList();
            table.AddRow(venue.Name, history.Summary.Count(venue).ToString(CultureInfo.InvariantCulture), $"{history.Summary.Percent(venue)} %", rows.Count == 0 ? "-" : Micros(rows.Average(r => r.RoutingDurationMs)));
        }

        var none = history.History.Where(r => r.SelectedVenue is null).ToList();
        table.AddRow("none (skipped)", history.Summary.NoVenue.ToString(CultureInfo.InvariantCulture), history.Summary.Total == 0 ? "0 %" : $"{Math.Round(100m * history.Summary.NoVenue / history.Summary.Total, 1)} %", none.Count == 0 ? "-" : Micros(none.Average(r => r.RoutingDurationMs)));
        return table;
    }

    private static string Micros(double milliseconds) => (milliseconds * 1000).ToString("0.0", CultureInfo.InvariantCulture);
}
