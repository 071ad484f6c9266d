using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Testing.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Positions_list_by_status_deployment_agent_and_signal()
    {
        var agent = await NewAgentAsync();
        var otherAgent = await NewAgentAsync(Wallet(77));
        var d1 = await NewDeploymentAsync(agent.Id, 1);
        var d2 = await NewDeploymentAsync(otherAgent.Id, 2);
        var s1 = await NewSignalAsync(agent.Id);
        var s2 = await NewSignalAsync(otherAgent.Id);
        var p1 = await OpenPositionAsync(s1.Id, d1.Id);
        var p2 = await OpenPositionAsync(s2.Id, d2.Id);

        Assert.Equal([p2.Id, p1.Id], (await Store.ListPositionsAsync(new PositionQuery(Status: PositionStatus.Open), Ct)).Select(p => p.Id));
        Assert.Equal([p1.Id], (await Store.ListPositionsAsync(new PositionQuery(DeploymentId: d1.Id), Ct)).Select(p => p.Id));
        Assert.Equal([p2.Id], (await Store.ListPositionsAsync(new PositionQuery(AgentId: otherAgent.Id), Ct)).Select(p => p.Id));
        Assert.Equal([p1.Id], (await Store.ListPositionsAsync(new PositionQuery(SignalId: s1.Id), Ct)).Select(p => p.Id));
        Assert.Single(await Store.ListPositionsAsync(new PositionQuery(Limit: 1), Ct));
        Assert.Empty(await Store.ListPositionsAsync(new PositionQuery(Status: PositionStatus.Closed), Ct));
    }

    [Fact]
    public async Task Close_is_claimed_once_until_the_lease_lapses_then_completes()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);
        var open = await OpenPositionAsync(signal.Id, deployment.Id);
        var now = NextTime();

        await Store.UpdateTrailingAsync(open.Id, new TrailingParams(0.03m, 3300m), Ct);
        Assert.Equal(3300m, (await Store.GetPositionAsync(open.Id, Ct))!.Trailing!.BestPrice);

        var start = DateTimeOffset.UtcNow;
        var lease = TimeSpan.FromMinutes(1);
        var claim = await Store.TryBeginCloseAsync(open.Id, start, lease, Ct);
        Assert.Equal(PositionStatus.Closing, claim!.Status);
        Assert.Equal(1, claim.CloseAttempts);
        Assert.Null(await Store.TryBeginCloseAsync(open.Id, start.AddSeconds(30), lease, Ct));
        var later = await LapseLeasesAsync(start.AddMinutes(2));
        var takeover = await Store.TryBeginCloseAsync(open.Id, later, lease, Ct);
        Assert.NotNull(takeover);
        Assert.Equal(1, takeover.CloseAttempts);
        Assert.Equal(claim.Fence + 1, takeover.Fence);
        Assert.Null(await Store.CompleteCloseAsync(open.Id, claim.Fence, new PositionClose(1m, 0m, 0m, CloseReason.Manual, now), Ct));

        var closing = (await Store.GetPositionAsync(open.Id, Ct))!;
        var closed = await Store.CompleteCloseAsync(open.Id, closing.Fence, new PositionClose(3201m, 73.5m, 2.1m, CloseReason.TrailingStop, now.AddMinutes(2)), Ct);
        Assert.Equal(PositionStatus.Closed, closed!.Status);
        var loaded = (await Store.GetPositionAsync(open.Id, Ct))!;
        Assert.Equal(3201m, loaded.ExitPrice);
        Assert.Equal(73.5m, loaded.Pnl);
        Assert.Equal(2.1m, loaded.FeesUsd);
        Assert.Equal(CloseReason.TrailingStop, loaded.CloseReason);
        Assert.Equal(now.AddMinutes(2), loaded.ClosedAt);
        Assert.Null(await Store.TryBeginCloseAsync(open.Id, (await LapseLeasesAsync(start.AddHours(1))), lease, Ct));

        var overview = await Store.GetOverviewAsync(Ct);
        Assert.Equal(1, overview.ClosedPositions);
        Assert.Equal(0, overview.OpenPositions);
        Assert.Equal(73.5m, overview.TotalPnl);
    }
}
