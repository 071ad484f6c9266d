using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Positions;

public sealed class PositionGoneFromVenueTests
{
    [Fact]
    public async Task A_close_the_venue_cannot_find_is_recorded_external_instead_of_staying_closing()
    {
        using var sp = TestServices.Build(b => b.AddVenue(s => new GoneVenue(s.GetRequiredService<PaperPriceFeed>())));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var opened = (await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ETH")).Id)).Positions.Single();
        sp.GetRequiredService<PaperPriceFeed>().SetPrice(Venue.Hyperliquid, "ETH", 3200m);

        var result = await sp.GetRequiredService<PositionCloser>().CloseAsync(opened.Id, CloseReason.Manual, null, default);

        Assert.Equal(PositionCloseOutcome.Closed, result.Outcome);
        Assert.Equal(PositionStatus.Closed, result.Position!.Status);
        Assert.Equal(CloseReason.External, result.Position.CloseReason);
        Assert.Equal(3200m, result.Position.ExitPrice);
        Assert.Equal(PositionPnl.Realized(opened, 3200m, 0m), result.Position.Pnl);
    }

    private sealed class GoneVenue(PaperPriceFeed prices) : IVenueAdapter, IPositionVenue
    {
        private readonly PaperVenueAdapter _paper = new(Venue.Hyperliquid, prices, 10_000m, 0.00035m);

        public Venue Venue => Venue.Hyperliquid;

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken ct) => _paper.GetMarketsAsync(ct);

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct) => _paper.PlaceOrderAsync(request, ct);

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken ct) => _paper.GetHealthAsync(ct);

        public ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken ct) => ValueTask.FromResult(prices.GetPrice(Venue, market.Symbol));

        public ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken ct) =>
            throw new PositionNotOnVenueException(Venue, "no open ETH position for this account");

        public ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken ct) =>
            ValueTask.FromResult<IReadOnlyList<VenuePosition>>([]);
    }
}
