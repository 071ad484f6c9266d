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

    public SemaphoreSlim For(IVenueAdapter adapter) =>
        _gates.TryGetValue(adapter.Venue, out var gate) ? gate : _gates.GetOrAdd(adapter.Venue, static (_, a) =>
        {
            var limit = a.Adapter is IVenueOrderLimits limits ? Math.Clamp(limits.MaxConcurrentOrders, 1, a.Max) : a.Max;
            return new SemaphoreSlim(limit, limit);
        }, (Adapter: adapter, Max: maxPerVenue));
}
