namespace Maxxit.Sdk.Positions;

/// <summary>A difference between the store and a venue that reconciliation does not explain.</summary>
public enum ReconciliationMismatchKind
{
    /// <summary>The venue holds a position in a market where the store has none for this deployment.</summary>
    UntrackedOnVenue = 0,

    /// <summary>Both hold the market, but the net signed quantities differ (e.g. a partial close outside the SDK).</summary>
    QuantityMismatch = 1,

    /// <summary>The venue could not be asked (error); nothing was concluded.</summary>
    VenueError = 2,
}
