namespace Maxxit.Sdk.Routing.Costs;

/// <summary>The latest cost snapshot of each venue, swapped whole on publish and read by the router without locks or I/O.</summary>
public sealed class VenueCostSnapshots
{
    private readonly VenueCostSnapshot?[] _byVenue = new VenueCostSnapshot?[16];

    /// <summary>Publishes a venue's new snapshot (replacing the previous one).</summary>
    public void Publish(VenueCostSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if ((uint)snapshot.Venue >= (uint)_byVenue.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(snapshot), snapshot.Venue, "venue out of range");
        }

        Volatile.Write(ref _byVenue[(int)snapshot.Venue], snapshot);
    }

    /// <summary>Forgets a venue's snapshot (the router then treats its costs as unknown).</summary>
    public void Clear(Venue venue)
    {
        if ((uint)venue < (uint)_byVenue.Length)
        {
            Volatile.Write(ref _byVenue[(int)venue], null);
        }
    }

    /// <summary>A venue's latest snapshot, if any.</summary>
    public bool TryGet(Venue venue, out VenueCostSnapshot snapshot)
    {
        snapshot = (uint)venue < (uint)_byVenue.Length ? Volatile.Read(ref _byVenue[(int)venue])! : null!;
        return snapshot is not null;
    }
}
