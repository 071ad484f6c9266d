using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Maxxit.Sdk.Testing.Time;

namespace Maxxit.Sdk.Testing.Execution;

/// <summary>
/// Several hosts share one signal's wide fan-out (wider than a venue gate): the owner places some orders, helpers claim
/// and place others (<see cref="IFanOutHelper"/>), every order is placed once and the signal ends with one final status.
/// Every store runs these through a subclass that builds hosts on one shared store.
/// </summary>
public abstract class FanOutSharingContractTests : IAsyncLifetime
{
    /// <summary>Orders each host's venue gate lets through at once (the fan-outs below are wider).</summary>
    protected const int Gate = 4;

    /// <summary>The shared clock of an in-memory suite (null on a durable store, whose leases follow its own clock).</summary>
    protected TimerSignalingTimeProvider? Time { get; init; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A host on the suite's shared store whose only venue is <paramref name="venue"/>, at most <paramref name="gate"/> orders in flight.</summary>
    protected abstract ServiceProvider BuildHost(GatedVenue venue, int gate);

    /// <summary>Lets every lease lapse (the in-memory suite moves its clock past them; a durable one moves them into the past).</summary>
    protected abstract Task LapseLeasesAsync();

    [Fact]
    public async Task Two_hosts_share_a_wide_fan_out_each_places_some_and_every_order_is_placed_once()
    {
        var venue = new GatedVenue();
        await using var owner = BuildHost(venue, Gate);
        await using var helper = BuildHost(venue, Gate);
        var (agent, deployments) = await AgentWithDeploymentsAsync(owner.GetRequiredService<IMaxxitClient>(), 24);
        var signal = await SignalAsync(owner.GetRequiredService<IMaxxitClient>(), agent.Id);

        var executing = Task.Run(() => owner.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate);
        var helping = Task.Run(() => Helper(helper).HelpWithFanOutsAsync(8, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate * 2);
        venue.Release(1000);
        var helped = await helping;
        var result = await DriveAsync(executing);

        Assert.Equal(8, helped.Count);
        Assert.All(helped, h => Assert.Equal(DeploymentOutcome.Opened, h.Outcome));
        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal(deployments.Select(d => d.Id).Order(), result.Deployments.Select(d => d.DeploymentId).Order());
        Assert.All(result.Deployments, d => Assert.Equal(DeploymentOutcome.Opened, d.Outcome));
        // Each order once at the venue, the helper's among them; each position opened once; one audit row each.
        Assert.Equal(24, venue.Orders.Count);
        Assert.Equal(24, venue.Orders.Distinct().Count());
        var store = owner.GetRequiredService<IMaxxitStore>();
        var positions = await store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 1000), CancellationToken.None);
        Assert.Equal(24, positions.Count);
        Assert.All(positions, p => Assert.Equal(PositionStatus.Open, p.Status));
        Assert.Subset(positions.Select(p => p.ClientOrderId).ToHashSet(), helped.Select(h => h.Position!.ClientOrderId).ToHashSet());
        Assert.Equal(24, (await store.GetRoutingHistoryAsync(new Maxxit.Sdk.Stats.RoutingHistoryQuery(), CancellationToken.None)).Summary.Total);
        var final = (await store.GetSignalAsync(signal.Id, CancellationToken.None))!;
        Assert.Equal(SignalStatus.Executed, final.Status);
        // One final status: the owner's claim was the only one, and a completion under any other fence is refused.
        Assert.Equal(1, final.Fence);
        Assert.False(await store.CompleteSignalAsync(new SignalCompletion(signal.Id, SignalStatus.Failed, null, null, DateTimeOffset.UtcNow, "stale", 0), CancellationToken.None));
        Assert.Equal(SignalStatus.Executed, (await store.GetSignalAsync(signal.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_helper_whose_item_lease_lapsed_before_it_sent_is_refused_and_the_order_is_placed_once_by_the_host_that_took_it()
    {
        var venue = new GatedVenue();
        await using var owner = BuildHost(venue, Gate);
        await using var slowHelper = BuildHost(venue, 1);
        await using var helper = BuildHost(venue, Gate);
        var (agent, _) = await AgentWithDeploymentsAsync(owner.GetRequiredService<IMaxxitClient>(), 12);
        var signal = await SignalAsync(owner.GetRequiredService<IMaxxitClient>(), agent.Id);

        var executing = Task.Run(() => owner.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate);
        // The slow helper claims 3 orders: one goes out, two wait at its gate of one while their leases lapse.
        var slow = Task.Run(() => Helper(slowHelper).HelpWithFanOutsAsync(3, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate + 1);
        await LapseLeasesAsync();
        // Another host claims every order still unsent, the slow helper's two included (their fences raised again).
        var taking = Task.Run(() => Helper(helper).HelpWithFanOutsAsync(100, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate + 1 + Gate);
        // The owner's four and the slow helper's first order are answered, then the rest.
        venue.Release(Gate + 1);
        var slowResults = await slow;
        venue.Release(1000);
        var taken = await taking;
        var result = await DriveAsync(executing);

        // The two it had not sent yet were taken by the other host: the slow helper is refused them (typed, no
        // exception) and never sends them, so the venue sees each of those client order ids once, from their new holder.
        Assert.Equal(3, slowResults.Count);
        var unsent = slowResults.Where(r => r.Position!.Status == PositionStatus.Reserved).ToList();
        Assert.Equal(2, unsent.Count);
        Assert.All(unsent, r => Assert.Equal(DeploymentOutcome.ClaimLost, r.Outcome));
        Assert.Equal(12 - Gate - 1, taken.Count);
        Assert.All(taken, t => Assert.Equal(DeploymentOutcome.Opened, t.Outcome));
        Assert.Subset(taken.Select(t => t.Position!.Id).ToHashSet(), unsent.Select(r => r.Position!.Id).ToHashSet());
        Assert.All(unsent, r => Assert.Single(venue.Orders, id => id == r.Position!.ClientOrderId));
        // The one it had sent lapsed mid-order too: either its answer was written, or the owner took it over once its
        // lease lapsed and sent it again under the same client order id (the venue answers with the first order) and the
        // slow helper's write was refused. Either way one fill.
        var sent = Assert.Single(slowResults, r => r.Position!.Status != PositionStatus.Reserved);
        Assert.Contains(sent.Outcome, new[] { DeploymentOutcome.Opened, DeploymentOutcome.ClaimLost });
        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.All(result.Deployments, d => Assert.Equal(DeploymentOutcome.Opened, d.Outcome));
        Assert.Equal(12, venue.Filled.Count);
        Assert.Equal(12, venue.Orders.Distinct().Count());
        Assert.All(venue.Orders.Where(id => id != sent.Position!.ClientOrderId), id => Assert.Single(venue.Orders, o => o == id));
        var store = owner.GetRequiredService<IMaxxitStore>();
        var positions = await store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 1000), CancellationToken.None);
        Assert.Equal(12, positions.Count);
        Assert.All(positions, p => Assert.Equal(PositionStatus.Open, p.Status));
        Assert.Equal(12, (await store.GetRoutingHistoryAsync(new Maxxit.Sdk.Stats.RoutingHistoryQuery(), CancellationToken.None)).Summary.Total);
        Assert.Equal(SignalStatus.Executed, (await store.GetSignalAsync(signal.Id, CancellationToken.None))!.Status);
    }

    private static IFanOutHelper Helper(ServiceProvider host) => Assert.IsAssignableFrom<IFanOutHelper>(host.GetRequiredService<ITradeExecutor>());

    /// <summary>
    /// Awaits the owner's execution; on a fake clock, moves it on (by the owner's longest poll, 2 s) each time the owner
    /// waits on it again, so that its wait for the helpers' orders looks again.
    /// </summary>
    protected Task<T> DriveAsync<T>(Task<T> task) =>
        Time is null ? task.WaitAsync(TimeSpan.FromSeconds(60)) : Time.AdvanceWhileWaitingAsync(task, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    protected static async Task<(Agent Agent, List<AgentDeployment> Deployments)> AgentWithDeploymentsAsync(IMaxxitClient client, int count)
    {
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x" + 7.ToString("x40"), Name = "Copy trader" });
        var list = new List<AgentDeployment>();
        for (var i = 0; i < count; i++)
        {
            list.Add(await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0x" + (5000 + i).ToString("x40") }));
        }

        return (agent, list);
    }

    protected static Task<Signal> SignalAsync(IMaxxitClient client, Guid agentId) =>
        client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agentId,
            TokenSymbol = "ETH",
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(25m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.85m,
        });
}
