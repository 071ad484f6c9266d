using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sdk.Venues;

/// <summary>
/// The adapter in charge of each venue: the last one registered for a venue wins. A venue with no adapter is absent
/// (the router skips it with reason "no adapter").
/// </summary>
public sealed class VenueAdapterRegistry
{
    private readonly Dictionary<Venue, IVenueAdapter> _byVenue = [];

    /// <summary>Builds the map from exactly these adapters.</summary>
    public VenueAdapterRegistry(IEnumerable<IVenueAdapter> adapters)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        foreach (var adapter in adapters)
        {
            _byVenue[adapter.Venue] = adapter;
        }
    }

    /// <summary>The adapters in charge, one per venue.</summary>
    public IReadOnlyCollection<IVenueAdapter> Adapters => _byVenue.Values;

    /// <summary>The adapter for a venue, if any.</summary>
    public bool TryGet(Venue venue, out IVenueAdapter adapter) => _byVenue.TryGetValue(venue, out adapter!);

    /// <summary>Whether orders for the venue are simulated (its adapter is a <see cref="PaperVenueAdapter"/>).</summary>
    public bool IsSimulated(Venue venue) => _byVenue.TryGetValue(venue, out var adapter) && adapter is PaperVenueAdapter;

    /// <summary>Whether every venue in charge is simulated (true also when there is none).</summary>
    public bool AllSimulated => _byVenue.Values.All(a => a is PaperVenueAdapter);
}
