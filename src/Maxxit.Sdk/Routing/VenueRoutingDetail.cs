namespace Maxxit.Sdk.Routing;

/// <summary>
/// One checked venue in a routing row (kept in <c>venue_availability</c> beside the listed flag): its status, the cost
/// breakdown in bps when it was priced, and the venue's refusal when the executor failed over from it.
/// </summary>
public sealed record VenueRoutingDetail
{
    /// <summary>Whether the venue lists the token.</summary>
    public bool Listed { get; init; }

    /// <summary>What the router found.</summary>
    public VenueRouteStatus Status { get; init; }

    /// <summary>Expected total cost in bps, when priced.</summary>
    public double? TotalBps { get; init; }

    /// <summary>Taker fee in bps, when priced.</summary>
    public double? FeeBps { get; init; }

    /// <summary>Half spread plus book impact in bps, when priced.</summary>
    public double? SpreadImpactBps { get; init; }

    /// <summary>Funding/rollover over the holding period in bps (negative: received), when priced.</summary>
    public double? CarryBps { get; init; }

    /// <summary>Fixed per-order fees in bps, when priced.</summary>
    public double? FixedBps { get; init; }

    /// <summary>True when the book did not hold the whole notional.</summary>
    public bool DepthExceeded { get; init; }

    /// <summary>Age of the cost snapshot in seconds, when there was one.</summary>
    public double? SnapshotAgeSeconds { get; init; }

    /// <summary>The venue's reason for refusing the order, when it did.</summary>
    public string? Refusal { get; init; }
}
