using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Positions;

/// <summary>Closes that do not fill are retried under a new attempt id, a bounded number of times.</summary>
public sealed class CloseAttemptTests
{
    [Fact]
    public async Task A_close_that_did_not_fill_reopens_the_position_and_the_retry_uses_a_new_attempt_id()
    {
        var venue = new UnfilledCloses(1);
        await using var sp = TestServices.Build(b => b.AddVenue(s => venue.Attach(s)).AddPositionMonitor());
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var opened = Assert.Single((await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ETH")).Id)).Positions);

        var refused = await Assert.ThrowsAsync<VenueException>(() => client.ClosePositionAsync(opened.Id));
        var reopened = (await sp.GetRequiredService<Maxxit.Sdk.Storage.IPositionStore>().GetPositionAsync(opened.Id, default))!;
        var closed = await client.ClosePositionAsync(opened.Id);

        Assert.Contains("IOC", refused.Message);
        Assert.Equal(PositionStatus.Open, reopened.Status);
        Assert.Equal(1, reopened.CloseAttempts);
        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(2, closed.CloseAttempts);
        Assert.Equal([ClientOrderId.ForClose(opened.Id, 1), ClientOrderId.ForClose(opened.Id, 2)], venue.CloseIds);
    }

    [Fact]
    public async Task Closes_that_keep_failing_end_in_needs_reconciliation_after_the_configured_attempts()
    {
        var venue = new UnfilledCloses(int.MaxValue);
        await using var sp = TestServices.Build(b => b.AddVenue(s => venue.Attach(s)).AddPositionMonitor(o => o.MaxCloseAttempts = 3));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var opened = Assert.Single((await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ETH")).Id)).Positions);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<VenueException>(() => client.ClosePositionAsync(opened.Id));
        }

        var stuck = (await sp.GetRequiredService<Maxxit.Sdk.Storage.IPositionStore>().GetPositionAsync(opened.Id, default))!;
        Assert.Equal(PositionStatus.NeedsReconciliation, stuck.Status);
        Assert.Contains("close attempt 3 of 3", stuck.FailureReason);
        Assert.Equal(3, venue.CloseIds.Distinct().Count());
        await Assert.ThrowsAsync<MaxxitConflictException>(() => client.ClosePositionAsync(opened.Id));
        Assert.Equal(0, (await client.GetOverviewAsync()).OpenPositions);
    }

    /// <summary>The paper Hyperliquid venue, except that the first <c>failures</c> closes find no liquidity.</summary>
    private sealed class UnfilledCloses(int failures) : IVenueAdapter, IPositionVenue
    {
        private PaperVenueAdapter _paper = null!;

        public List<string> CloseIds { get; } = [];

        public Venue Venue => Venue.Hyperliquid;

        public UnfilledCloses Attach(IServiceProvider sp)
        {
            _paper = new PaperVenueAdapter(Venue.Hyperliquid, sp.GetRequiredService<PaperPriceFeed>(), 10_000m, 0.00035m);
            return this;
        }

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => _paper.GetMarketsAsync(cancellationToken);

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) => _paper.PlaceOrderAsync(request, cancellationToken);

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => _paper.GetHealthAsync(cancellationToken);

        public ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken) => _paper.GetPriceAsync(market, cancellationToken);

        public ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken)
        {
            CloseIds.Add(request.ClientOrderId);
            return CloseIds.Count <= failures
                ? throw new VenueException(Venue, "Order could not immediately match against any resting orders (IOC)")
                : _paper.ClosePositionAsync(request, cancellationToken);
        }

        public ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken) => _paper.GetOpenPositionsAsync(deployment, cancellationToken);
    }
}
