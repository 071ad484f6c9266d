using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Stats;

/// <summary>
/// The figures of the overview, the routing summary and the per-agent stats, after a mix of reservations, fills,
/// failures, closes, refusals and no-venue decisions: every store must answer exactly what its rows say.
/// </summary>
public abstract class StatsContractTests : IAsyncLifetime
{
    private static long _clock = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    protected IMaxxitStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Makes a fresh, empty store.</summary>
    protected abstract Task<IMaxxitStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => (Store as IAsyncDisposable)?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    [Fact]
    public async Task An_empty_store_answers_zeros_with_every_position_state()
    {
        var overview = await Store.GetOverviewAsync(Ct);
        Assert.Equal(0, overview.Positions);
        Assert.Equal(0, overview.Routing.Summary.Total);
        Assert.Equal(0, overview.Routing.AvgDurationMs);
        Assert.Equal(Enum.GetValues<PositionStatus>().OrderBy(s => s), overview.PositionsByStatus.Keys.OrderBy(s => s));
        Assert.All(overview.PositionsByStatus.Values, n => Assert.Equal(0, n));
        Assert.Empty(await Store.GetAgentStatsAsync([], DateOnly.MinValue, Ct));
    }

    [Fact]
    public async Task Overview_routing_summary_and_agent_stats_follow_every_write()
    {
        var scenario = await Scenario.RunAsync(Store);

        var overview = await Store.GetOverviewAsync(Ct);
        Assert.Equal(2, overview.Agents);
        Assert.Equal(1, overview.ActiveAgents);
        Assert.Equal(3, overview.Deployments);
        Assert.Equal(5, overview.Signals);
        Assert.Equal(1, overview.PositionsByStatus[PositionStatus.Open]);
        Assert.Equal(2, overview.PositionsByStatus[PositionStatus.Closed]);
        Assert.Equal(1, overview.PositionsByStatus[PositionStatus.Failed]);
        Assert.Equal(1, overview.PositionsByStatus[PositionStatus.Reserved]);
        Assert.Equal(0, overview.PositionsByStatus[PositionStatus.Closing]);
        Assert.Equal(0, overview.PositionsByStatus[PositionStatus.NeedsReconciliation]);
        Assert.Equal(Enum.GetValues<PositionStatus>().Length, overview.PositionsByStatus.Count);
        Assert.Equal(4, overview.Positions);
        // The reserved order is not a position on the venue yet: only OPEN (and CLOSING) count as open.
        Assert.Equal(1, overview.OpenPositions);
        Assert.Equal(2, overview.ClosedPositions);
        Assert.Equal(12.5m - 4.25m, overview.TotalPnl);
        Assert.Equal(6, overview.Routing.Summary.Total);
        Assert.Equal(4, overview.Routing.Summary.Count(Venue.Hyperliquid));
        Assert.Equal(1, overview.Routing.Summary.Count(Venue.Ostium));
        Assert.Equal(1, overview.Routing.Summary.NoVenue);
        Assert.Equal(scenario.RoutingMs.Average(), overview.Routing.AvgDurationMs, 6);
        Assert.Equal(scenario.RoutingMs[2], overview.Routing.AvgDurationMsByVenue[Venue.Ostium], 6);
        Assert.Equal(new[] { 0, 1, 3, 4 }.Average(i => scenario.RoutingMs[i]), overview.Routing.AvgDurationMsByVenue[Venue.Hyperliquid], 6);
        Assert.Equal(2, overview.Routing.AvgDurationMsByVenue.Count);
        Assert.Equal(1, overview.PolicyRejectionsByRule["max_open_positions"]);
        Assert.Single(overview.PolicyRejectionsByRule);

        var eth = await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(TokenSymbol: "ETH"), Ct);
        Assert.Equal(3, eth.Summary.Total);
        Assert.Equal(3, eth.Summary.Count(Venue.Hyperliquid));
        var ostium = await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(SelectedVenue: Venue.Ostium, Limit: 1), Ct);
        Assert.Equal(1, ostium.Summary.Total);
        Assert.Equal(0, ostium.Summary.NoVenue);
        Assert.Equal(100m, ostium.Summary.Percent(Venue.Ostium));
        var none = await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(TokenSymbol: "XAU", SelectedVenue: Venue.Hyperliquid), Ct);
        Assert.Equal(0, none.Summary.Total);
        Assert.Empty(none.History);

        var unknown = Guid.NewGuid();
        var stats = await Store.GetAgentStatsAsync([scenario.Paused, unknown, scenario.Active], new DateOnly(2026, 1, 1), Ct);
        Assert.Equal([scenario.Paused, unknown, scenario.Active], stats.Select(s => s.AgentId));
        var active = stats[2];
        Assert.Equal(4, active.Signals);
        Assert.Equal(1, active.PositionsByStatus[PositionStatus.Open]);
        Assert.Equal(2, active.PositionsByStatus[PositionStatus.Closed]);
        Assert.Equal(1, active.PositionsByStatus[PositionStatus.Failed]);
        Assert.Equal(8.25m, active.RealizedPnl);
        Assert.Equal(
            [new DailyPnl(DateOnly.FromDateTime(scenario.FirstClose.UtcDateTime), 1, 12.5m), new DailyPnl(DateOnly.FromDateTime(scenario.SecondClose.UtcDateTime), 1, -4.25m)],
            active.DailyPnl);
        var paused = stats[0];
        Assert.Equal(1, paused.Signals);
        Assert.Equal(1, paused.PositionsByStatus[PositionStatus.Reserved]);
        Assert.Equal(0m, paused.RealizedPnl);
        Assert.Empty(paused.DailyPnl);
        Assert.Equal(0, stats[1].Signals);
        Assert.Equal(Enum.GetValues<PositionStatus>().Length, stats[1].PositionsByStatus.Count);
        Assert.All(stats[1].PositionsByStatus.Values, n => Assert.Equal(0, n));

        // Days before pnlSince are left out.
        var recent = await Store.GetAgentStatsAsync([scenario.Active], DateOnly.FromDateTime(scenario.SecondClose.UtcDateTime), Ct);
        Assert.Equal(-4.25m, Assert.Single(recent[0].DailyPnl).Pnl);
        Assert.Equal(8.25m, recent[0].RealizedPnl);
    }

    private static DateTimeOffset NextTime() => DateTimeOffset.FromUnixTimeMilliseconds(Interlocked.Add(ref _clock, 1000));

    /// <summary>
    /// An ACTIVE agent with two deployments and a PAUSED one with one: two positions closed (days apart, +12.5 and
    /// −4.25), one open, one failed, one still reserved, one policy refusal and one decision with no venue.
    /// </summary>
    protected sealed record Scenario(Guid Active, Guid Paused, DateTimeOffset FirstClose, DateTimeOffset SecondClose, IReadOnlyList<double> RoutingMs)
    {
        public static async Task<Scenario> RunAsync(IMaxxitStore store)
        {
            var ms = new List<double>();
            var active = await AgentAsync(store, AgentStatus.Active);
            var paused = await AgentAsync(store, AgentStatus.Paused);
            var d1 = await DeploymentAsync(store, active, 1);
            var d2 = await DeploymentAsync(store, active, 2);
            var d3 = await DeploymentAsync(store, paused, 3);
            var s1 = await SignalAsync(store, active, "ETH");
            var s2 = await SignalAsync(store, active, "XAU");
            var s3 = await SignalAsync(store, active, "XYZ");
            var s4 = await SignalAsync(store, active, "ETH");
            var s5 = await SignalAsync(store, paused, "BTC");

            var firstClose = new DateTimeOffset(2026, 11, 2, 23, 59, 0, TimeSpan.Zero);
            var secondClose = firstClose.AddDays(3);
            var a = await OpenAsync(store, s1, d1, "ETH", Venue.Hyperliquid, ms);
            await CloseAsync(store, a, 12.5m, firstClose);
            var b = await OpenAsync(store, s1, d2, "ETH", Venue.Hyperliquid, ms);
            await CloseAsync(store, b, -4.25m, secondClose);
            await OpenAsync(store, s2, d1, "XAU", Venue.Ostium, ms);
            var failed = await ReserveAsync(store, s4, d1, "ETH", Venue.Hyperliquid, ms);
            var submitted = (await store.BeginSubmitAsync(failed.Id, failed.Fence, NextTime(), Ct))!;
            await store.EndOpenAsync(failed.Id, submitted.Fence, PositionStatus.Failed, "no adapter", Ct);
            await ReserveAsync(store, s5, d3, "BTC", Venue.Hyperliquid, ms);

            // s3 (XYZ): no venue lists it; s4 for d2: refused by policy.
            ms.Add(0.75);
            await store.RecordNoTradeAsync(Routing(s3, d1, "XYZ", null, 0.75), null, Ct);
            await store.RecordNoTradeAsync(null, new PolicyRecord(s4, d2, PolicyOutcome.Rejected, [], "max_open_positions", "too many", NextTime()), Ct);
            return new Scenario(active, paused, firstClose, secondClose, ms);
        }

        private static async Task<Guid> AgentAsync(IMaxxitStore store, AgentStatus status)
        {
            var agent = new Agent
            {
                Id = Guid.NewGuid(),
                CreatorWallet = "0x00000000000000000000000000000000000000aa",
                Name = "Stats " + status,
                Status = status,
                Weights = new AgentWeights(1m, 0m),
                CreatedAt = NextTime(),
            };
            await store.CreateAgentAsync(agent, Ct);
            return agent.Id;
        }

        private static async Task<Guid> DeploymentAsync(IMaxxitStore store, Guid agentId, int wallet)
        {
            var deployment = new AgentDeployment { Id = Guid.NewGuid(), AgentId = agentId, UserWallet = "0x" + wallet.ToString("x40"), CreatedAt = NextTime() };
            await store.CreateDeploymentAsync(deployment, Ct);
            return deployment.Id;
        }

        private static async Task<Guid> SignalAsync(IMaxxitStore store, Guid agentId, string token)
        {
            var signal = new Signal
            {
                Id = Guid.NewGuid(),
                AgentId = agentId,
                TokenSymbol = token,
                Side = TradeSide.Long,
                SizeModel = SizeModel.PercentOf(25m),
                RiskModel = RiskModel.Trailing(0.03m),
                Confidence = 0.85m,
                CreatedAt = NextTime(),
            };
            await store.CreateSignalAsync(signal, Ct);
            return signal.Id;
        }

        private static async Task<Position> ReserveAsync(IMaxxitStore store, Guid signalId, Guid deploymentId, string token, Venue venue, List<double> ms)
        {
            var routingMs = 0.1 * (ms.Count + 1);
            ms.Add(routingMs);
            var position = new Position
            {
                Id = Guid.NewGuid(),
                SignalId = signalId,
                DeploymentId = deploymentId,
                Venue = venue,
                TokenSymbol = token,
                Side = TradeSide.Long,
                SizePercent = 25m,
                Status = PositionStatus.Reserved,
                ClientOrderId = ClientOrderId.For(signalId, deploymentId, "open"),
                OpenedAt = NextTime(),
            };
            var signal = await store.TryClaimSignalAsync(signalId, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), Ct) ?? (await store.GetSignalAsync(signalId, Ct))!;
            position = position with { Fence = signal.Fence };
            var accepted = new PolicyRecord(signalId, deploymentId, PolicyOutcome.Accepted, [], null, null, NextTime());
            var reserved = await store.ReserveExecutionsAsync([new ExecutionReservation(position, Routing(signalId, deploymentId, token, venue, routingMs), accepted, null)], Ct);
            return reserved[0].Position!;
        }

        private static async Task<Position> OpenAsync(IMaxxitStore store, Guid signalId, Guid deploymentId, string token, Venue venue, List<double> ms)
        {
            var reserved = await ReserveAsync(store, signalId, deploymentId, token, venue, ms);
            var submitted = (await store.BeginSubmitAsync(reserved.Id, reserved.Fence, NextTime(), Ct))!;
            return (await store.CompleteOpenAsync(reserved.Id, submitted.Fence, new PositionFill("oid-" + reserved.Id, 1m, 3000m, 2m, 1500m, 1m, 2900m, null, new TrailingParams(0.03m, 3000m)), Ct))!;
        }

        private static async Task CloseAsync(IMaxxitStore store, Position position, decimal pnl, DateTimeOffset at)
        {
            var claimed = await store.TryBeginCloseAsync(position.Id, at, TimeSpan.FromMinutes(1), Ct);
            Assert.NotNull(claimed);
            await store.CompleteCloseAsync(position.Id, claimed.Fence, new PositionClose(3000m + pnl, pnl, 1m, CloseReason.Manual, at), Ct);
        }

        private static RoutingRecord Routing(Guid signalId, Guid? deploymentId, string token, Venue? selected, double ms) => new()
        {
            Id = Guid.NewGuid(),
            SignalId = signalId,
            DeploymentId = deploymentId,
            TokenSymbol = token,
            SelectedVenue = selected,
            RoutingReason = selected is { } v ? $"{v.Name}: pair available" : $"No venue available for {token}",
            CheckedVenues = [Venue.Hyperliquid, Venue.Ostium],
            VenueAvailability = new Dictionary<Venue, bool> { [Venue.Hyperliquid] = selected == Venue.Hyperliquid, [Venue.Ostium] = selected == Venue.Ostium },
            RoutingDurationMs = ms,
            CreatedAt = NextTime(),
        };
    }
}
