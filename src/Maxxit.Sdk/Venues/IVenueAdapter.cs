using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues;

/// <summary>One trading venue: the markets it lists, placing an order, and its health.</summary>
public interface IVenueAdapter
{
    /// <summary>The venue this adapter trades on.</summary>
    Venue Venue { get; }

    /// <summary>Reads the venue's current market list.</summary>
    ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Places an opening order. Must be idempotent on <see cref="OrderRequest.ClientOrderId"/>: a repeated call for the
    /// same id returns the first order's result rather than placing a second one.
    /// </summary>
    /// <exception cref="Errors.VenueException">The venue refused the order.</exception>
    ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken);

    /// <summary>Whether the venue is reachable and accepting orders.</summary>
    ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken);
}
