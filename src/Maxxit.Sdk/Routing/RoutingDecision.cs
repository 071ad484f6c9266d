using Maxxit.Sdk.Routing.Costs;

namespace Maxxit.Sdk.Routing;

/// <summary>Where a trade goes and why (Agent Where), kept for the audit trail.</summary>
public class RoutingDecision
{
    private static readonly VenueRefusal[] NoRefusals = [];
    private readonly IReadOnlyList<Venue> _priority;
    private string? _reason;

    // The selected venue is not stored: it is Ranking[0], which keeps the decision object as small as it was.
    internal RoutingDecision(string tokenSymbol, string? reason, IReadOnlyList<Venue> priority, VenueAvailability availability, TimeSpan duration, VenueRanking ranking)
    {
        TokenSymbol = tokenSymbol;
        _reason = reason;
        _priority = priority;
        Availability = availability;
        Duration = duration;
        Ranking = ranking;
    }

    /// <summary>The token routed.</summary>
    public string TokenSymbol { get; }

    /// <summary>The chosen venue (always <c>Ranking[0]</c>), or null when no venue can take the trade.</summary>
    public Venue? SelectedVenue => Ranking.Count > 0 ? Ranking[0] : null;

    /// <summary>
    /// Why, e.g. <c>HYPERLIQUID: pair available</c>,
    /// <c>HYPERLIQUID: 6.2 bps (fee 4.5, spread+impact 1.1, funding 0.6) vs OSTIUM: 9.8 bps</c> or
    /// <c>No venue available for XYZ. Checked: HYPERLIQUID, OSTIUM</c>.
    /// </summary>
    public string Reason => _reason ??= BuildReason() ?? $"No venue available for {TokenSymbol}. Checked: {string.Join(", ", CheckedVenues.Select(v => v.Name))}";

    /// <summary>Venues checked, in the order they were checked.</summary>
    public IReadOnlyList<Venue> CheckedVenues
    {
        get
        {
            // Indexed, not LINQ: read for every routing audit row.
            var count = 0;
            for (var i = 0; i < _priority.Count; i++)
            {
                if (Availability.WasChecked(_priority[i]))
                {
                    count++;
                }
            }

            var checkedVenues = new Venue[count];
            count = 0;
            for (var i = 0; i < _priority.Count; i++)
            {
                if (Availability.WasChecked(_priority[i]))
                {
                    checkedVenues[count++] = _priority[i];
                }
            }

            return checkedVenues;
        }
    }

    /// <summary>Which checked venues list the token.</summary>
    public VenueAvailability Availability { get; }

    /// <summary>How long the decision took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The strategy that made the decision.</summary>
    public virtual RoutingStrategy Strategy => RoutingStrategy.FirstAvailable;

    /// <summary>
    /// The venues the executor may use for this trade, best first; <see cref="SelectedVenue"/> is the first. With
    /// failover disabled it holds only the first.
    /// </summary>
    public VenueRanking Ranking { get; }

    /// <summary>Venue-side refusals recorded with <see cref="FailOver"/>, in order.</summary>
    public virtual IReadOnlyList<VenueRefusal> Refusals => NoRefusals;

    /// <summary>The expected cost of the order on a venue, when BEST_EXECUTION priced it from a fresh snapshot.</summary>
    public bool TryGetCost(Venue venue, out VenueCostEstimate cost)
    {
        if (TryGetSlot(venue, out var slot) && slot.Status == VenueRouteStatus.Priced)
        {
            cost = slot.Cost;
            return true;
        }

        cost = default;
        return false;
    }

    /// <summary>
    /// Records that the selected venue refused the order with a venue-side reason (not a policy refusal) and moves on to
    /// the next venue of the same ranking. The returned decision has that venue selected (or none when the ranking is
    /// used up), it in <see cref="CheckedVenues"/>, the refusal in <see cref="Refusals"/> and a reason that says so.
    /// </summary>
    /// <param name="refusedVenue">The venue that refused; must be <see cref="SelectedVenue"/>.</param>
    /// <param name="refusal">The venue's reason.</param>
    /// <exception cref="InvalidOperationException"><paramref name="refusedVenue"/> is not the selected venue.</exception>
    public RoutingDecision FailOver(Venue refusedVenue, string refusal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refusal);
        if (SelectedVenue != refusedVenue)
        {
            throw new InvalidOperationException($"{refusedVenue.Name} is not the selected venue ({SelectedVenue?.Name ?? "none"})");
        }

        var rest = Ranking.After(refusedVenue);
        Venue? next = rest.Count > 0 ? rest[0] : null;
        var availability = next is { } n
            ? new VenueAvailability(Availability.CheckedMask | (1 << n.Ordinal), Availability.ListedMask | (1 << n.Ordinal))
            : Availability;
        VenueRefusal[] refusals = [.. Refusals, new VenueRefusal(refusedVenue, refusal)];
        var reason = next is { } to
            ? $"{refusedVenue.Name} refused the order ({refusal}); failover to {to.Name}. Routed: {Reason}"
            : $"{refusedVenue.Name} refused the order ({refusal}); no other venue in the ranking. Routed: {Reason}";
        return WithFailover(reason, availability, rest, refusals);
    }

    /// <summary>
    /// The same decision with the eligible venues in another order, for a custom strategy that wraps the built-in router
    /// (which has already applied listing, health, market hours, the user's venue bias and exclusions, and priced the
    /// venues under BEST_EXECUTION). Only venues of <see cref="Ranking"/> may appear; the first becomes the selected venue.
    /// </summary>
    /// <param name="ranking">The new order: a non-empty subset of <see cref="Ranking"/>.</param>
    /// <param name="reason">Why, for the audit row.</param>
    /// <exception cref="ArgumentException">A venue is not in <see cref="Ranking"/>, or the ranking is empty.</exception>
    public RoutingDecision Rerank(VenueRanking ranking, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (ranking.Count == 0)
        {
            throw new ArgumentException("a ranking needs at least one venue; a custom strategy that refuses every venue should route to none upstream", nameof(ranking));
        }

        foreach (var venue in ranking)
        {
            if (!Ranking.Contains(venue))
            {
                throw new ArgumentException($"{venue.Name} is not eligible for this trade (eligible: {Ranking})", nameof(ranking));
            }
        }

        return WithFailover(reason, Availability, ranking, Refusals);
    }

    /// <summary>
    /// The per-venue entries for the routing row's <c>venue_availability</c>: every checked venue's breakdown under
    /// BEST_EXECUTION, refused venues under either strategy; null when there is nothing beyond the listed flags (a
    /// FIRST_AVAILABLE row without failover looks as before).
    /// </summary>
    public IReadOnlyDictionary<Venue, VenueRoutingDetail>? ToVenueDetails()
    {
        Dictionary<Venue, VenueRoutingDetail>? map = null;
        var refusals = Refusals;
        for (var i = 0; i < _priority.Count; i++)
        {
            var venue = _priority[i];
            if (!Availability.WasChecked(venue))
            {
                continue;
            }

            VenueRoutingDetail? detail = TryGetSlot(venue, out var slot) ? slot.ToDetail(Availability.IsListed(venue)) : null;
            for (var r = 0; r < refusals.Count; r++)
            {
                var refusal = refusals[r];
                if (refusal.Venue == venue)
                {
                    detail = (detail ?? new VenueRoutingDetail { Listed = Availability.IsListed(venue) }) with { Status = VenueRouteStatus.Refused, Refusal = refusal.Reason };
                }
            }

            if (detail is not null)
            {
                (map ??= [])[venue] = detail;
            }
        }

        return map;
    }

    /// <inheritdoc />
    public override string ToString() => Reason;

    internal IReadOnlyList<Venue> Priority => _priority;

    internal virtual bool TryGetSlot(Venue venue, out VenueSlot slot)
    {
        slot = default;
        return false;
    }

    internal virtual string? BuildReason() => null;

    internal virtual RoutingDecision WithFailover(string reason, VenueAvailability availability, VenueRanking ranking, IReadOnlyList<VenueRefusal> refusals) =>
        new AmendedRoutingDecision(TokenSymbol, reason, _priority, availability, Duration, ranking, refusals);

    internal static IReadOnlyList<VenueRefusal> EmptyRefusals => NoRefusals;
}
