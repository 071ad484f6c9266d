using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Testing.Positions;

/// <summary>
/// The position monitor's behaviour over a real store: every store (in-memory, Postgres) runs these tests through a
/// subclass that makes a fresh, empty store. Prices are scripted on the paper venues; time is a FakeTimeProvider.
/// Paper accounts hold 10 000 USD and pay a 5 bp fee, so a 30 % ETH order at 3000 with leverage 1 is exactly 1 ETH
/// with a 1.5 USD opening fee.
/// </summary>
public abstract partial class PositionMonitorContractTests : IAsyncLifetime
{
    protected const decimal FeeRate = 0.0005m;

    protected static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected static CancellationToken Ct => CancellationToken.None;

    protected IMaxxitStore Store { get; private set; } = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected PaperPriceFeed Prices { get; } = new();

    protected RecordingPositionVenue Hyperliquid { get; private set; } = null!;

    protected RecordingPositionVenue Ostium { get; private set; } = null!;

    protected PositionMonitorOptions Options { get; } = new() { Interval = Interval, CloseLease = TimeSpan.FromMinutes(1) };

    /// <summary>Makes a fresh, empty store.</summary>
    protected abstract Task<IMaxxitStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        Hyperliquid = new RecordingPositionVenue(new PaperVenueAdapter(Venue.Hyperliquid, Prices, 10_000m, FeeRate));
        Ostium = new RecordingPositionVenue(new PaperVenueAdapter(Venue.Ostium, Prices, 10_000m, FeeRate));
    }

    public virtual Task DisposeAsync() => (Store as IAsyncDisposable)?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    /// <summary>A host on the shared store, venues and clock (a second call stands for a second host or a restart).</summary>
    protected MonitorHost NewHost() => new(Store, [Hyperliquid, Ostium], Time, Options);

    protected RecordingPositionVenue VenueOf(Venue venue) => venue == Venue.Hyperliquid ? Hyperliquid : Ostium;

    protected async Task<Agent> NewAgentAsync()
    {
        var agent = new Agent
        {
            Id = Guid.NewGuid(),
            CreatorWallet = Wallet(0xA),
            Name = "Trailing Tester",
            Weights = new AgentWeights(1m, 0m),
            CreatedAt = Time.GetUtcNow(),
        };
        await Store.CreateAgentAsync(agent, Ct);
        return agent;
    }

    protected async Task<AgentDeployment> NewDeploymentAsync(Guid agentId, int wallet)
    {
        var deployment = new AgentDeployment { Id = Guid.NewGuid(), AgentId = agentId, UserWallet = Wallet(1000 + wallet), CreatedAt = Time.GetUtcNow() };
        await Store.CreateDeploymentAsync(deployment, Ct);
        return deployment;
    }

    protected async Task<Signal> NewSignalAsync(Guid agentId, string token, TradeSide side, RiskModel risk, decimal sizePercent = 30m)
    {
        var signal = new Signal
        {
            Id = Guid.NewGuid(),
            AgentId = agentId,
            TokenSymbol = token,
            Side = side,
            SizeModel = SizeModel.PercentOf(sizePercent),
            RiskModel = risk,
            Confidence = 0.8m,
            CreatedAt = Time.GetUtcNow(),
        };
        await Store.CreateSignalAsync(signal, Ct);
        return signal;
    }

    /// <summary>Opens the signal for the deployment on the paper venue at the current price and records it OPEN, as the executor does.</summary>
    protected async Task<Position> OpenAsync(Signal signal, AgentDeployment deployment, Venue? onVenue = null, decimal leverage = 1m)
    {
        var venue = onVenue ?? Venue.Hyperliquid;
        var market = PaperMarketData.For(venue).Single(m => m.Symbol == signal.TokenSymbol);
        var now = Time.GetUtcNow();
        var position = new Position
        {
            Id = Guid.NewGuid(),
            DeploymentId = deployment.Id,
            SignalId = signal.Id,
            Venue = venue,
            TokenSymbol = signal.TokenSymbol,
            Side = signal.Side,
            SizePercent = ((SizeModel.Percentage)signal.SizeModel).Value,
            Leverage = leverage,
            Status = PositionStatus.Reserved,
            ClientOrderId = ClientOrderId.For(signal.Id, deployment.Id, ClientOrderId.Open),
            OpenedAt = now,
        };
        var claimed = await Store.TryClaimSignalAsync(signal.Id, now, TimeSpan.FromMinutes(10), Ct) ?? (await Store.GetSignalAsync(signal.Id, Ct))!;
        position = position with { Fence = claimed.Fence };
        var version = (await Store.GetPolicyStateAsync(deployment.Id, signal.TokenSymbol, now, Ct)).Version;
        var routing = new RoutingRecord
        {
            Id = Guid.NewGuid(),
            SignalId = signal.Id,
            DeploymentId = deployment.Id,
            TokenSymbol = signal.TokenSymbol,
            SelectedVenue = venue,
            RoutingReason = $"{venue.Name}: pair available",
            CheckedVenues = [venue],
            VenueAvailability = new Dictionary<Venue, bool> { [venue] = true },
            RoutingDurationMs = 0.01,
            CreatedAt = now,
        };
        var reserved = (await Store.ReserveExecutionsAsync([new ExecutionReservation(position, routing, new PolicyRecord(signal.Id, deployment.Id, PolicyOutcome.Accepted, [], null, null, now), version)], Ct))[0];
        var submitted = (await Store.BeginSubmitAsync(position.Id, position.Fence, now, Ct))!;
        var order = await VenueOf(venue).PlaceOrderAsync(new OrderRequest
        {
            SignalId = signal.Id,
            Deployment = deployment,
            ClientOrderId = position.ClientOrderId,
            Market = market,
            Side = signal.Side,
            SizePercent = ((SizeModel.Percentage)signal.SizeModel).Value,
            Leverage = leverage,
            Risk = signal.RiskModel,
            Journal = new NoJournal(),
        }, Ct);
        var (sl, tp, trailing) = ProtectionLevels.From(signal.RiskModel, signal.Side, order.AveragePrice);
        return (await Store.CompleteOpenAsync(reserved.Position!.Id, submitted.Fence, new PositionFill(order.VenueOrderId, order.FilledQuantity, order.AveragePrice, order.Leverage, order.CollateralUsd, order.FeesUsd, sl, tp, trailing), Ct))!;
    }

    /// <summary>One agent, one deployment, one position on ETH opened at <paramref name="entry"/>.</summary>
    protected async Task<(Agent Agent, Position Position)> OpenOneAsync(TradeSide side, RiskModel risk, decimal entry = 3000m, string token = "ETH")
    {
        Prices.SetPrice(Venue.Hyperliquid, token, entry);
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id, token, side, risk);
        return (agent, await OpenAsync(signal, deployment));
    }

    /// <summary>Moves the price, lets one interval pass, runs a monitor pass.</summary>
    protected async Task<MonitorPassResult> StepAsync(MonitorHost host, decimal price, string token = "ETH", Venue? venue = null)
    {
        Prices.SetPrice(venue ?? Venue.Hyperliquid, token, price);
        Time.Advance(Interval);
        return await host.Monitor.RunOnceAsync(Ct);
    }

    protected async Task<Position> ReloadAsync(Guid positionId) => (await Store.GetPositionAsync(positionId, Ct))!;

    protected static string Wallet(int n) => "0x" + n.ToString("x40");

    private sealed class NoJournal : IOrderJournal
    {
        public string? PriorSubmissionId => null;

        public ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
