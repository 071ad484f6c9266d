namespace Maxxit.Sdk.Routing;

/// <summary>Where a trade goes and why (Agent Where), kept for the audit trail.</summary>
public sealed class RoutingDecision
{
    private readonly IReadOnlyList<Venue> _priority;
    private string? _reason;

    internal RoutingDecision(string tokenSymbol, Venue? selected, string? reason, IReadOnlyList<Venue> priority, VenueAvailability availability, TimeSpan duration)
    {
        TokenSymbol = tokenSymbol;
        SelectedVenue = selected;
        _reason = reason;
        _priority = priority;
        Availability = availability;
        Duration = duration;
    }

    /// <summary>The token routed.</summary>
    public string TokenSymbol { get; }

    /// <summary>The chosen venue, or null when no venue can take the trade.</summary>
    public Venue? SelectedVenue { get; }

    /// <summary>Why, e.g. <c>HYPERLIQUID: pair available</c> or <c>No venue available for XYZ. Checked: HYPERLIQUID, OSTIUM</c>.</summary>
    public string Reason => _reason ??= $"No venue available for {TokenSymbol}. Checked: {string.Join(", ", CheckedVenues.Select(v => v.ToName()))}";

    /// <summary>Venues checked, in the order they were checked.</summary>
    public IReadOnlyList<Venue> CheckedVenues => _priority.Where(Availability.WasChecked).ToArray();

    /// <summary>Which checked venues list the token.</summary>
    public VenueAvailability Availability { get; }

    /// <summary>How long the decision took.</summary>
    public TimeSpan Duration { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
