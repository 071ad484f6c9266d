namespace Maxxit.Sdk.Venues;

/// <summary>The adapter in charge of each venue: the last one registered for a venue wins, so real adapters replace paper ones.</summary>
public sealed class VenueAdapterRegistry
{
    private readonly Dictionary<Venue, IVenueAdapter> _byVenue = [];

    /// <summary>Builds the map from every registered adapter.</summary>
    public VenueAdapterRegistry(IEnumerable<IVenueAdapter> adapters)
    {
        foreach (var adapter in adapters)
        {
            _byVenue[adapter.Venue] = adapter;
        }
    }

    /// <summary>The adapters in charge, one per venue.</summary>
    public IReadOnlyCollection<IVenueAdapter> Adapters => _byVenue.Values;

    /// <summary>The adapter for a venue, if any.</summary>
    public bool TryGet(Venue venue, out IVenueAdapter adapter) => _byVenue.TryGetValue(venue, out adapter!);
}
