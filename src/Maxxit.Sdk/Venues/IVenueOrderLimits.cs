namespace Maxxit.Sdk.Venues;

/// <summary>
/// Optional beside <see cref="IVenueAdapter"/>: lowers how many orders the executor keeps in flight on this venue at
/// once (for example to stay inside the venue's rate limits). The executor uses the smaller of this and
/// <see cref="MaxxitOptions.MaxOrdersInFlightPerVenue"/>.
/// </summary>
public interface IVenueOrderLimits
{
    /// <summary>At most this many orders in flight at once on this venue (at least 1).</summary>
    int MaxConcurrentOrders { get; }
}
