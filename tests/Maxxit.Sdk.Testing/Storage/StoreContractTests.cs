using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Storage;

/// <summary>
/// The store contract: every store (in-memory, Postgres) runs these very tests through a subclass that says how to
/// make a fresh, empty store.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private static long _clock = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    protected IMaxxitStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Makes a fresh, empty store.</summary>
    protected abstract Task<IMaxxitStore> CreateStoreAsync();

    /// <summary>
    /// Makes every claim's lease lapse and returns the time to pass as "now" afterwards: the in-memory store judges
    /// leases by the time it is given (so <paramref name="later"/> does it); a durable store by its own clock, so its
    /// suite moves the stored lease ends into the past instead of waiting.
    /// </summary>
    protected virtual Task<DateTimeOffset> LapseLeasesAsync(DateTimeOffset later) => Task.FromResult(later);

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => (Store as IAsyncDisposable)?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    /// <summary>Distinct, increasing timestamps at millisecond precision (every store keeps at least that).</summary>
    protected static DateTimeOffset NextTime() => DateTimeOffset.FromUnixTimeMilliseconds(Interlocked.Add(ref _clock, 1000));

    protected static string Wallet(int n) => "0x" + n.ToString("x40");

    protected async Task<Agent> NewAgentAsync(string creator = "0x00000000000000000000000000000000000000aa", AgentStatus status = AgentStatus.Active)
    {
        var agent = new Agent
        {
            Id = Guid.NewGuid(),
            CreatorWallet = creator,
            Name = "Alpha Hunter V3",
            Status = status,
            XAccountIds = ["123456789", "42"],
            ResearchInstituteIds = ["inst-1"],
            Weights = new AgentWeights(0.7m, 0.3m),
            ProfitReceiverAddress = creator,
            CreatedAt = NextTime(),
        };
        await Store.CreateAgentAsync(agent, Ct);
        return agent;
    }

    protected async Task<AgentDeployment> NewDeploymentAsync(Guid agentId, int wallet, DeploymentStatus status = DeploymentStatus.Active)
    {
        var deployment = new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = agentId,
            UserWallet = Wallet(wallet),
            Status = status,
            CreatedAt = NextTime(),
        };
        await Store.CreateDeploymentAsync(deployment, Ct);
        return deployment;
    }

    protected async Task<Signal> NewSignalAsync(Guid agentId, string token = "ETH")
    {
        var signal = NewSignal(agentId, token);
        await Store.CreateSignalAsync(signal, Ct);
        return signal;
    }

    protected static Signal NewSignal(Guid agentId, string token = "ETH") => new()
    {
        Id = Guid.NewGuid(),
        AgentId = agentId,
        TokenSymbol = token,
        Side = TradeSide.Long,
        SizeModel = SizeModel.PercentOf(25m),
        RiskModel = new RiskModel.TrailingStop(0.03m, 0.2m, 0.05m),
        Confidence = 0.85m,
        SourceTweets = ["t1", "t2"],
        SourceResearch = ["r1"],
        Reasoning = "ETH bullish",
        CreatedAt = NextTime(),
    };

    protected static Position OpeningPosition(Guid signalId, Guid deploymentId, string token = "ETH", Venue? venue = null) => new()
    {
        Id = Guid.NewGuid(),
        SignalId = signalId,
        DeploymentId = deploymentId,
        Venue = venue ?? Venue.Hyperliquid,
        TokenSymbol = token,
        Side = TradeSide.Long,
        SizePercent = 25m,
        Leverage = 2m,
        Status = PositionStatus.Reserved,
        ClientOrderId = Maxxit.Sdk.Execution.ClientOrderId.For(signalId, deploymentId, "open"),
        OpenedAt = NextTime(),
    };

    protected static RoutingRecord Routing(Guid signalId, Guid? deploymentId, string token, Venue? selected, double ms = 0.02) => new()
    {
        Id = Guid.NewGuid(),
        SignalId = signalId,
        DeploymentId = deploymentId,
        TokenSymbol = token,
        SelectedVenue = selected,
        RoutingReason = selected is { } v ? $"{v.Name}: pair available" : $"No venue available for {token}. Checked: HYPERLIQUID, OSTIUM",
        CheckedVenues = selected == Venue.Hyperliquid ? [Venue.Hyperliquid] : [Venue.Hyperliquid, Venue.Ostium],
        VenueAvailability = selected == Venue.Hyperliquid
            ? new Dictionary<Venue, bool> { [Venue.Hyperliquid] = true }
            : new Dictionary<Venue, bool> { [Venue.Hyperliquid] = false, [Venue.Ostium] = selected == Venue.Ostium },
        RoutingDurationMs = ms,
        CreatedAt = NextTime(),
    };

    protected static PolicyRecord Accepted(Guid signalId, Guid deploymentId) =>
        new(signalId, deploymentId, Maxxit.Sdk.Policies.PolicyOutcome.Accepted, [], null, null, NextTime());

    /// <summary>Claims the signal (or reuses the current claim) and reserves a position for (signal, deployment) as the executor does.</summary>
    protected async Task<ReservationResult> ReserveAsync(Guid signalId, Guid deploymentId, string token = "ETH", PolicyRecord? policy = null)
    {
        var signal = await Store.TryClaimSignalAsync(signalId, NextTime(), TimeSpan.FromMinutes(10), Ct) ?? await Store.GetSignalAsync(signalId, Ct)
            ?? throw new InvalidOperationException($"no signal {signalId}");
        var state = await Store.GetPolicyStateAsync(deploymentId, token, NextTime(), Ct);
        var position = OpeningPosition(signalId, deploymentId, token) with { Fence = signal.Fence };
        return (await Store.ReserveExecutionsAsync([new ExecutionReservation(position, Routing(signalId, deploymentId, token, Venue.Hyperliquid), policy ?? Accepted(signalId, deploymentId), state.Version)], Ct))[0];
    }

    /// <summary>Reserves, submits and opens a position at the given price and quantity.</summary>
    protected async Task<Position> OpenPositionAsync(Guid signalId, Guid deploymentId, decimal qty = 1m, decimal price = 3000m, string token = "ETH")
    {
        var reserved = (await ReserveAsync(signalId, deploymentId, token)).Position!;
        var submitted = (await Store.BeginSubmitAsync(reserved.Id, reserved.Fence, NextTime(), Ct))!;
        return (await Store.CompleteOpenAsync(reserved.Id, submitted.Fence, new PositionFill("oid-1", qty, price, 2m, qty * price / 2m, 1.05m, price * 0.95m, price * 1.2m, new TrailingParams(0.03m, price)), Ct))!;
    }
}
