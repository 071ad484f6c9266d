namespace Maxxit.Sdk.Routing.Costs;

/// <summary>The latest cost snapshot of each venue, swapped whole on publish and read by the router without locks or I/O.</summary>
public sealed class VenueCostSnapshots
{
    private readonly VenueCostSnapshot?[] _byVenue = new VenueCostSnapshot?[Venue.MaxCount + 1];

    /// <summary>Publishes a venue's new snapshot (replacing the previous one).</summary>
    public void Publish(VenueCostSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Venue.IsNone)
        {
            throw new ArgumentException("the snapshot names no venue", nameof(snapshot));
        }

        Volatile.Write(ref _byVenue[snapshot.Venue.Ordinal], snapshot);
    }

    /// <summary>Forgets a venue's snapshot (the router then treats its costs as unknown).</summary>
    public void Clear(Venue venue)
    {
        Volatile.Write(ref _byVenue[venue.Ordinal], null);
    }

    /// <summary>A venue's latest snapshot, if any.</summary>
    public bool TryGet(Venue venue, out VenueCostSnapshot snapshot)
    {
        snapshot = Volatile.Read(ref _byVenue[venue.Ordinal])!;
        return snapshot is not null;
    }
}
