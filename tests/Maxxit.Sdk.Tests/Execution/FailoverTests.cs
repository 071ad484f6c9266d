using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Execution;

/// <summary>A venue-side refusal fails over to the next venue of the same decision, recorded in one routing row.</summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task A_refused_order_fails_over_to_the_next_ranked_venue_within_one_decision()
    {
        var refusing = new RefusingHyperliquid();
        using var sp = TestServices.Build(b => b.AddVenue(_ => refusing).UsePaperVenues());
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "BTC");

        var result = await client.ExecuteTradeAsync(signal.Id);

        Assert.Equal(SignalStatus.Executed, result.Status);
        var outcome = Assert.Single(result.Deployments);
        Assert.Equal(DeploymentOutcome.Opened, outcome.Outcome);
        Assert.Equal(Venue.Ostium, outcome.Position!.Venue);
        Assert.Equal(1, refusing.Orders);
        var row = Assert.Single((await client.GetRoutingHistoryAsync(new RoutingHistoryQuery("BTC"))).History);
        Assert.Equal(Venue.Ostium, row.SelectedVenue);
        Assert.Equal([Venue.Hyperliquid, Venue.Ostium], row.CheckedVenues);
        Assert.Contains("HYPERLIQUID refused the order", row.RoutingReason);
        Assert.Contains("Insufficient margin", row.RoutingReason);
    }

    [Fact]
    public async Task With_failover_disabled_the_refused_order_is_cancelled()
    {
        var refusing = new RefusingHyperliquid();
        using var sp = TestServices.Build(b => b.AddVenue(_ => refusing).UsePaperVenues());
        var client = sp.GetRequiredService<IMaxxitClient>();
        await client.SetRoutingConfigAsync(RoutingConfig.GlobalDefault with { FailoverEnabled = false });
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "BTC");

        var result = await client.ExecuteTradeAsync(signal.Id);

        var outcome = Assert.Single(result.Deployments);
        Assert.Equal(DeploymentOutcome.Cancelled, outcome.Outcome);
        Assert.Equal((Venue.Hyperliquid, PositionStatus.Cancelled), (outcome.Position!.Venue, outcome.Position.Status));
        Assert.Equal(SignalStatus.Failed, result.Status);
    }

    /// <summary>The paper Hyperliquid markets; every order is refused for margin.</summary>
    private sealed class RefusingHyperliquid : IVenueAdapter
    {
        private int _orders;

        public int Orders => _orders;

        public Venue Venue => Venue.Hyperliquid;

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(Venue.Hyperliquid));

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _orders);
            throw new VenueException(Venue, "Insufficient margin to place order.");
        }

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
    }
}
