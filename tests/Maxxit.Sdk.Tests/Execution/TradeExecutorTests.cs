using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Execution;

public sealed class TradeExecutorTests
{
    [Fact]
    public async Task Executes_for_every_active_deployment_and_records_the_outcome()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, 2);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");

        var result = await client.ExecuteTradeAsync(signal.Id);

        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal(Venue.Hyperliquid, result.FinalVenue);
        Assert.Equal(deployments.Select(d => d.Id).Order(), result.Positions.Select(p => p.DeploymentId).Order());
        var position = result.Positions.First();
        Assert.Equal(PositionStatus.Open, position.Status);
        Assert.Equal(3124.4m, position.EntryPrice);
        Assert.Equal(Math.Round(10_000m * 0.25m * 2m / 3124.4m, 4, MidpointRounding.ToZero), position.Quantity);
        Assert.Equal(new TrailingParams(0.03m, 3124.4m), position.Trailing);
        Assert.Equal(ClientOrderId.For(signal.Id, position.DeploymentId, ClientOrderId.Open), position.ClientOrderId);

        var stored = await sp.GetRequiredService<ISignalStore>().GetSignalAsync(signal.Id, default);
        Assert.Equal(SignalStatus.Executed, stored!.Status);
        Assert.Equal(Venue.Hyperliquid, stored.FinalVenue);
        Assert.NotNull(stored.RoutedAt);
        Assert.NotNull(stored.ExecutedAt);
        var history = await client.GetRoutingHistoryAsync();
        Assert.Equal(2, history.Summary.Count(Venue.Hyperliquid));
    }

    [Fact]
    public async Task Unlisted_token_is_skipped_with_the_routing_reason()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "XYZ");

        var result = await client.ExecuteTradeAsync(signal.Id);

        Assert.Equal(SignalStatus.Skipped, result.Status);
        Assert.Equal("No venue available for XYZ. Checked: HYPERLIQUID, OSTIUM", result.Reason);
        Assert.Empty(result.Positions);
        var stored = await sp.GetRequiredService<ISignalStore>().GetSignalAsync(signal.Id, default);
        Assert.Equal("No venue available for XYZ. Checked: HYPERLIQUID, OSTIUM", stored!.SkippedReason);
    }

    [Fact]
    public async Task A_signal_with_no_active_deployment_is_skipped()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        var result = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ETH")).Id);
        Assert.Equal(SignalStatus.Skipped, result.Status);
        Assert.Contains("No ACTIVE deployments", result.Reason);
    }

    [Fact]
    public async Task Executing_twice_returns_the_first_outcome_and_places_nothing_new()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 2);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");

        var first = await client.ExecuteTradeAsync(signal.Id);
        var second = await client.ExecuteTradeAsync(signal.Id);

        Assert.False(first.AlreadyProcessed);
        Assert.True(second.AlreadyProcessed);
        Assert.Equal(first.Positions.Select(p => p.Id).Order(), second.Positions.Select(p => p.Id).Order());
        Assert.Equal(2, PaperHyperliquid(sp).OrdersPlaced);
    }

    [Fact]
    public async Task Concurrent_execution_opens_one_position_per_deployment()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 3);
        var signals = new List<Signal>();
        for (var i = 0; i < 20; i++)
        {
            signals.Add(await TestServices.SignalAsync(client, agent.Id, i % 2 == 0 ? "ETH" : "XAU"));
        }

        var executor = sp.GetRequiredService<ITradeExecutor>();
        await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => signals.Select(s => Task.Run(() => executor.ExecuteAsync(s.Id, default)))));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => executor.ExecutePendingAsync(50, default))));

        var positions = await sp.GetRequiredService<IPositionStore>().ListPositionsAsync(new PositionQuery(Limit: 10_000), default);
        Assert.Equal(60, positions.Count);
        Assert.Equal(60, positions.Select(p => (p.SignalId, p.DeploymentId)).Distinct().Count());
        Assert.Equal(60, PaperHyperliquid(sp).OrdersPlaced + PaperVenue(sp, Venue.Ostium).OrdersPlaced);
        foreach (var s in signals)
        {
            Assert.Equal(SignalStatus.Executed, (await client.ExecuteTradeAsync(s.Id)).Status);
        }
    }

    [Fact]
    public async Task Unknown_signal_is_not_found_and_empty_id_is_invalid()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var missing = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => client.ExecuteTradeAsync(Guid.NewGuid()));
        Assert.Equal("signalId", missing.Field);
        var empty = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.ExecuteTradeAsync(Guid.Empty));
        Assert.Equal("signalId", empty.Field);
    }

    [Fact]
    public async Task Venue_rejection_cancels_the_deployment_and_keeps_the_reason()
    {
        using var sp = TestServices.Build(b => b.AddVenue(_ => new RejectingVenue()));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");

        var result = await client.ExecuteTradeAsync(signal.Id);

        Assert.Equal(SignalStatus.Failed, result.Status);
        Assert.Contains("Insufficient margin", result.Reason);
        var position = Assert.Single(await sp.GetRequiredService<IPositionStore>().ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default));
        Assert.Equal(PositionStatus.Cancelled, position.Status);
        Assert.Contains("Insufficient margin to place order.", position.FailureReason);
        Assert.Equal(DeploymentOutcome.Cancelled, Assert.Single(result.Deployments).Outcome);
        Assert.Equal(0, (await client.GetOverviewAsync()).OpenPositions);
        Assert.Equal(SignalStatus.Failed, (await client.ExecuteTradeAsync(signal.Id)).Status);
    }

    [Fact]
    public async Task Unknown_venue_outcome_stays_submitted_and_fill_confirmation_asks_by_the_same_order_id()
    {
        var flaky = new FlakyVenue();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sp = TestServices.Build(b =>
        {
            b.AddVenue(_ => flaky);
            b.Services.AddSingleton<TimeProvider>(time);
        });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");

        var first = await client.ExecuteTradeAsync(signal.Id);
        var outcome = Assert.Single(first.Deployments);
        Assert.Equal(DeploymentOutcome.Unknown, outcome.Outcome);
        Assert.Equal(PositionStatus.Submitted, outcome.Position!.Status);
        Assert.Equal(1, outcome.Position.Attempts);
        Assert.Equal(0, (await client.GetOverviewAsync()).OpenPositions);

        // Not due yet: fill confirmation waits for the backoff.
        var confirmer = sp.GetRequiredService<FillConfirmer>();
        Assert.Empty(await confirmer.RunOnceAsync(default));
        time.Advance(TimeSpan.FromSeconds(2));
        var confirmed = Assert.Single(await confirmer.RunOnceAsync(default));
        Assert.Equal(PositionStatus.Open, confirmed.Status);
        Assert.Equal(2999.5m, confirmed.EntryPrice);
        Assert.Equal(0.4m, confirmed.Quantity);
        Assert.Equal([outcome.Position.ClientOrderId], flaky.ClientOrderIds);
        Assert.Equal([outcome.Position.ClientOrderId], flaky.FateQueries);
        Assert.Equal(1, (await client.GetOverviewAsync()).OpenPositions);
    }

    [Fact]
    public async Task Unknown_outcomes_end_in_needs_reconciliation_after_the_configured_number()
    {
        var flaky = new FlakyVenue { FateUnknown = true };
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sp = TestServices.Build(b =>
        {
            b.AddVenue(_ => flaky);
            b.Services.AddSingleton<TimeProvider>(time);
            b.Services.Configure<MaxxitOptions>(o => o.MaxUnknownOutcomes = 3);
        });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");
        await client.ExecuteTradeAsync(signal.Id);

        var confirmer = sp.GetRequiredService<FillConfirmer>();
        var states = new List<PositionStatus>();
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromMinutes(2));
            await confirmer.RunOnceAsync(default);
            states.Add((await sp.GetRequiredService<IPositionStore>().ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default)).Single().Status);
        }

        // The placement was unknown once; two unknown answers later the limit of three is reached and nothing is asked again.
        Assert.Equal([PositionStatus.Submitted, PositionStatus.NeedsReconciliation, PositionStatus.NeedsReconciliation, PositionStatus.NeedsReconciliation, PositionStatus.NeedsReconciliation], states);
        Assert.Equal(2, flaky.FateQueries.Count);
        var stuck = (await sp.GetRequiredService<IPositionStore>().ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default)).Single();
        Assert.Equal(3, stuck.Attempts);
        Assert.Contains("does not know", stuck.FailureReason);
        Assert.Equal(0, (await client.GetOverviewAsync()).OpenPositions);
    }

    private static PaperVenueAdapter PaperHyperliquid(IServiceProvider sp) => PaperVenue(sp, Venue.Hyperliquid);

    private static PaperVenueAdapter PaperVenue(IServiceProvider sp, Venue venue)
    {
        sp.GetRequiredService<VenueAdapterRegistry>().TryGet(venue, out var adapter);
        return (PaperVenueAdapter)adapter;
    }

    private sealed class RejectingVenue : IVenueAdapter
    {
        public Venue Venue => Venue.Hyperliquid;

        public ValueTask<IReadOnlyList<Markets.MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(Venue.Hyperliquid));

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) => throw new VenueException(Venue, "Insufficient margin to place order.");

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
    }

    private sealed class FlakyVenue : IVenueAdapter, IOrderFateVenue
    {
        public List<string> ClientOrderIds { get; } = [];

        public List<string> FateQueries { get; } = [];

        public bool FateUnknown { get; init; }

        public ValueTask<OrderFate> GetOrderFateAsync(OrderFateQuery query, CancellationToken cancellationToken)
        {
            FateQueries.Add(query.ClientOrderId);
            return ValueTask.FromResult(FateUnknown ? OrderFate.Unknown("the venue does not know this order") : OrderFate.Filled(0.4m, 2999.5m, 0.42m, "77"));
        }

        public Venue Venue => Venue.Hyperliquid;

        public ValueTask<IReadOnlyList<Markets.MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(Venue.Hyperliquid));

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
        {
            ClientOrderIds.Add(request.ClientOrderId);
            return ClientOrderIds.Count == 1
                ? throw new HttpRequestException("connection reset")
                : ValueTask.FromResult(new OrderResult { Status = OrderStatus.Filled, VenueOrderId = "77", FilledQuantity = 1m, AveragePrice = 3000m });
        }

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
    }
}
