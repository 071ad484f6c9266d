using System.Collections.Concurrent;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// One semaphore per venue, shared by every execution of this executor, so that at most
/// min(<see cref="MaxxitOptions.MaxOrdersInFlightPerVenue"/>, <see cref="IVenueOrderLimits.MaxConcurrentOrders"/>)
/// orders are in flight on a venue at once, however many signals fan out together.
/// </summary>
internal sealed class VenueGates(int maxPerVenue)
{
    private readonly ConcurrentDictionary<Venue, SemaphoreSlim> _gates = new();

    public SemaphoreSlim For(IVenueAdapter adapter) => _gates.GetOrAdd(adapter.Venue, _ =>
    {
        var limit = adapter is IVenueOrderLimits limits ? Math.Clamp(limits.MaxConcurrentOrders, 1, maxPerVenue) : maxPerVenue;
        return new SemaphoreSlim(limit, limit);
    });
}
