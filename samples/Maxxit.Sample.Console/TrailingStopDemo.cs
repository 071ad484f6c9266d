using System.Globalization;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maxxit.Sample.Console;

/// <summary>
/// A position opened on the paper venue and closed by its 3 % trailing stop: the ETH price is scripted up 6 % and back,
/// and one monitor pass runs per step.
/// </summary>
public static class TrailingStopDemo
{
    private static readonly decimal[] Path = [1.01m, 1.03m, 1.06m, 1.045m, 1.03m];

    public static async Task<Position> RunAsync(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<IMaxxitClient>();
        var prices = services.GetRequiredService<PaperPriceFeed>();
        var monitor = services.GetRequiredService<PositionMonitor>();
        var store = services.GetRequiredService<IPositionStore>();
        console.Write(new Rule("[bold]Trailing stop[/] — enforced by the position monitor").LeftJustified());

        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x4444444444444444444444444444444444444444", Name = "Trailing Demo", Weights = new AgentWeights(1m, 0m) }, cancellationToken);
        await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0x5555555555555555555555555555555555555555" }, cancellationToken);
        var signal = await client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id,
            TokenSymbol = "ETH",
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(30m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.8m,
        }, cancellationToken);
        var position = (await client.ExecuteTradeAsync(signal.Id, cancellationToken)).Positions.Single();
        var entry = position.EntryPrice;

        var table = new Table().Title($"ETH LONG {position.Quantity} on {DemoFlow.VenueLabel(position.Venue, services.GetRequiredService<VenueAdapterRegistry>())} from {entry}, trailing stop 3 %").AddColumns("Step", "Price", "Best", "Stop at", "Status");
        var others = 0;
        var steps = Path.Select(m => Math.Round(entry * m, 2)).ToList();
        for (var step = 0; step <= steps.Count && position.Status == PositionStatus.Open; step++)
        {
            // The last step lands exactly on the stop level, to show it fires there and not before.
            var price = step < steps.Count ? steps[step] : PositionTriggers.TrailingStopPrice(position)!.Value;
            prices.SetPrice(position.Venue, position.TokenSymbol, price);
            others += (await monitor.RunOnceAsync(cancellationToken)).Closed.Count(p => p.Id != position.Id);
            var seen = position with { Trailing = PositionTriggers.ImproveBest(position, price) ?? position.Trailing };
            position = await store.GetPositionAsync(position.Id, cancellationToken) ?? throw new InvalidOperationException("the demo position vanished");
            table.AddRow(
                (step + 1).ToString(CultureInfo.InvariantCulture),
                Number(price),
                Number(seen.Trailing!.BestPrice),
                Number(PositionTriggers.TrailingStopPrice(seen)!.Value),
                position.Status == PositionStatus.Closed ? $"[green]CLOSED {position.CloseReason!.Value.ToName()}[/]" : position.Status.ToString().ToUpperInvariant());
        }

        console.Write(table);
        if (others > 0)
        {
            console.MarkupLine($"[grey]The monitor also closed {others} other position(s) whose stops this path crossed.[/]");
        }
        if (position.Status != PositionStatus.Closed || position.CloseReason != CloseReason.TrailingStop)
        {
            throw new InvalidOperationException($"the trailing stop did not close the demo position (status {position.Status})");
        }

        var overview = await client.GetOverviewAsync(cancellationToken);
        // By id: on a database an earlier run used, this creator already has agents of its own.
        var metrics = (await client.ListAgentsAsync(new AgentQuery(CreatorWallet: "0x4444444444444444444444444444444444444444"), cancellationToken)).Single(a => a.Id == agent.Id).Metrics;
        console.MarkupLine($"Exit {Number(position.ExitPrice!.Value)} · fees {Number(position.FeesUsd)} USD · PnL [bold]{Number(position.Pnl!.Value)} USD[/] · apr_30d {metrics.Apr30d:P1}");
        console.MarkupLine($"Positions open {overview.OpenPositions} · closed {overview.ClosedPositions} · total PnL {Number(overview.TotalPnl)} USD");
        return position;
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
