namespace Maxxit.Sdk.Routing.Costs;

/// <summary>
/// Optional, on a venue adapter or registered on its own: reads the venue's books, fees and funding into a
/// <see cref="VenueCostSnapshot"/>. Called by <see cref="VenueCostRefresher"/> in the background, never on the routing path.
/// </summary>
public interface IVenueCostSource
{
    /// <summary>The venue priced.</summary>
    Venue Venue { get; }

    /// <summary>Reads a fresh snapshot.</summary>
    /// <param name="request">The markets to price and the host's clock.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot; markets it could not price are left out (the router then ranks the venue by priority for them).</returns>
    ValueTask<VenueCostSnapshot> GetCostSnapshotAsync(VenueCostRequest request, CancellationToken cancellationToken);
}
