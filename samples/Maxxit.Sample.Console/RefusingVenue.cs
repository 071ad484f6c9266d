using Maxxit.Sdk;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sample.Console;

/// <summary>A Hyperliquid stand-in that lists the paper markets and refuses every order for margin, to show failover.</summary>
public sealed class RefusingVenue : IVenueAdapter
{
    public Venue Venue => Venue.Hyperliquid;

    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(Venue.Hyperliquid));

    public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) =>
        throw new VenueException(Venue, "Insufficient margin to place order.");

    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true, "refuses every order"));
}
