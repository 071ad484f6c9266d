using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues;

/// <summary>Stands for a venue with no adapter: lists nothing, refuses orders. Used when paper venues are turned off.</summary>
internal sealed class DisabledVenueAdapter(Venue venue) : IVenueAdapter
{
    public Venue Venue { get; } = venue;

    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<MarketInfo>>([]);

    public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) =>
        throw new VenueException(Venue, "no adapter is registered for this venue", "add one with the builder (e.g. AddHyperliquid) or enable paper venues");

    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(false, "no adapter"));
}
