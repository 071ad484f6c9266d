using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Execution;

/// <summary>
/// A fan-out wider than one venue gate: its orders are reserved RESERVED (marked SUBMITTED at their turn) and their
/// answers are written in chunks while it runs, the last one with the completion.
/// </summary>
public sealed class LargeFanOutTests
{
    [Fact]
    public async Task A_fan_out_wider_than_the_gate_opens_every_position_once_and_reports_the_stored_rows()
    {
        using var sp = TestServices.Build(options: o => o.MaxOrdersInFlightPerVenue = 8);
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, OrderOutcomeBatch.FlushAt * 2 + 44);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");

        var result = await sp.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);

        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Null(result.Reason);
        Assert.Equal(deployments.Count, result.Deployments.Count);
        Assert.All(result.Deployments, d => Assert.Equal(DeploymentOutcome.Opened, d.Outcome));
        var store = sp.GetRequiredService<IMaxxitStore>();
        var stored = (await store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 10_000), default)).ToDictionary(p => p.DeploymentId);
        Assert.Equal(deployments.Select(d => d.Id).Order(), stored.Keys.Order());
        foreach (var d in result.Deployments)
        {
            // What the executor reports is what was stored, field for field.
            Assert.Equal(stored[d.DeploymentId], d.Position);
            Assert.Equal(PositionStatus.Open, d.Position!.Status);
        }

        Assert.Equal(deployments.Count, (await store.GetRoutingHistoryAsync(new Maxxit.Sdk.Stats.RoutingHistoryQuery(), default)).Summary.Total);
        Assert.Equal(deployments.Count, (await store.GetOverviewAsync(default)).OpenPositions);
        Assert.Equal(SignalStatus.Executed, (await store.GetSignalAsync(signal.Id, default))!.Status);
    }

    [Fact]
    public async Task A_fan_out_within_the_gate_is_reserved_straight_into_submitted_and_still_opens_once()
    {
        using var sp = TestServices.Build(options: o => o.MaxOrdersInFlightPerVenue = 4);
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 4);
        var signal = await TestServices.SignalAsync(client, agent.Id, "BTC");

        var first = await sp.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);
        var again = await sp.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);

        Assert.Equal(SignalStatus.Executed, first.Status);
        Assert.All(first.Deployments, d => Assert.Equal(DeploymentOutcome.Opened, d.Outcome));
        Assert.True(again.AlreadyProcessed);
        Assert.All(again.Deployments, d => Assert.Equal(DeploymentOutcome.AlreadyExecuted, d.Outcome));
        Assert.Equal(4, (await sp.GetRequiredService<IMaxxitStore>().ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default)).Count);
    }
}
