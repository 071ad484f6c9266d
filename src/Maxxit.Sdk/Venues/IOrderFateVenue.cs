namespace Maxxit.Sdk.Venues;

/// <summary>
/// Optional beside <see cref="IVenueAdapter"/> (and <see cref="IPositionVenue"/>): tells what became of an order the
/// adapter reported as pending, or whose outcome was never recorded, looked up by its client order id (and the venue
/// order id or submission id when known). Fill confirmation calls it with backoff until the order is filled or cancelled.
/// </summary>
public interface IOrderFateVenue
{
    /// <summary>The order's fate now. Must not place, change or cancel anything.</summary>
    /// <exception cref="Errors.VenueException">The venue could not be asked; the caller retries later.</exception>
    ValueTask<OrderFate> GetOrderFateAsync(OrderFateQuery query, CancellationToken cancellationToken);
}
