namespace Maxxit.Sdk.Storage;

/// <summary>An audit row of <c>venue_routing_history_v3</c>.</summary>
public sealed record RoutingRecord
{
    /// <summary>Row id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The signal routed.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>The deployment it was routed for (routing can differ per user through venue bias).</summary>
    public Guid? DeploymentId { get; init; }

    /// <summary>Token.</summary>
    public required string TokenSymbol { get; init; }

    /// <summary>Always MULTI for V3 signals.</summary>
    public Venue RequestedVenue { get; init; } = Venue.Multi;

    /// <summary>The chosen venue, or null when none could take it.</summary>
    public Venue? SelectedVenue { get; init; }

    /// <summary>Why.</summary>
    public required string RoutingReason { get; init; }

    /// <summary>Venues checked, in order.</summary>
    public required IReadOnlyList<Venue> CheckedVenues { get; init; }

    /// <summary>Checked venue → lists the token.</summary>
    public required IReadOnlyDictionary<Venue, bool> VenueAvailability { get; init; }

    /// <summary>
    /// Per checked venue, what the router found beyond the listed flag (BEST_EXECUTION cost breakdown, a venue's
    /// refusal on failover); null or missing venues mean the listed flag alone, as FIRST_AVAILABLE rows always had.
    /// Stored inside <c>venue_availability</c>: such a venue's value is an object instead of a boolean.
    /// </summary>
    public IReadOnlyDictionary<Venue, Routing.VenueRoutingDetail>? VenueDetails { get; init; }

    /// <summary>Decision time in milliseconds (fractional).</summary>
    public required double RoutingDurationMs { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
