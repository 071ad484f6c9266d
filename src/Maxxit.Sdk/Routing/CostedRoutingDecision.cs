using System.Globalization;
using System.Text;

namespace Maxxit.Sdk.Routing;

/// <summary>A BEST_EXECUTION decision: the base decision plus every venue's status and cost, its reason built on first read.</summary>
internal sealed class CostedRoutingDecision : RoutingDecision
{
    private readonly VenueSlots _slots;
    private readonly VenueRanking _slotVenues;
    private readonly IReadOnlyList<VenueRefusal>? _refusals;

    internal CostedRoutingDecision(
        string tokenSymbol,
        IReadOnlyList<Venue> priority,
        VenueAvailability availability,
        TimeSpan duration,
        VenueRanking ranking,
        in VenueSlots slots,
        VenueRanking slotVenues,
        string? reason = null,
        IReadOnlyList<VenueRefusal>? refusals = null)
        : base(tokenSymbol, reason, priority, availability, duration, ranking)
    {
        _slots = slots;
        _slotVenues = slotVenues;
        _refusals = refusals;
    }

    public override RoutingStrategy Strategy => RoutingStrategy.BestExecution;

    public override IReadOnlyList<VenueRefusal> Refusals => _refusals ?? EmptyRefusals;

    internal override bool TryGetSlot(Venue venue, out VenueSlot slot)
    {
        var index = _slotVenues.IndexOf(venue);
        if (index >= 0 && _slots[index].Checked)
        {
            slot = _slots[index];
            return true;
        }

        slot = default;
        return false;
    }

    internal override RoutingDecision WithFailover(string reason, VenueAvailability availability, VenueRanking ranking, IReadOnlyList<VenueRefusal> refusals) =>
        new CostedRoutingDecision(TokenSymbol, Priority, availability, Duration, ranking, _slots, _slotVenues, reason, refusals);

    // e.g. "HYPERLIQUID: 6.2 bps (fee 4.5, spread+impact 1.1, funding 0.6) vs OSTIUM: 9.8 bps; skipped: GMX (unhealthy)"
    internal override string? BuildReason()
    {
        if (SelectedVenue is not { } winner)
        {
            return null;
        }

        var text = new StringBuilder(128);
        TryGetSlot(winner, out var first);
        text.Append(winner.Name).Append(": ");
        if (first.Status == VenueRouteStatus.Priced)
        {
            var c = first.Cost;
            text.Append(Bps(c.TotalBps)).Append(" bps (fee ").Append(Bps(c.FeeBps))
                .Append(", spread+impact ").Append(Bps(c.SpreadImpactBps))
                .Append(", ").Append(first.CarryName ?? "funding").Append(' ').Append(Bps(c.CarryBps));
            if (c.FixedBps != 0)
            {
                text.Append(", fixed ").Append(Bps(c.FixedBps));
            }

            text.Append(')');
            if (c.DepthExceeded)
            {
                text.Append(" [book depth exceeded]");
            }
        }
        else
        {
            text.Append(Unpriced(first)).Append(", no venue has fresh cost data: ranked by priority");
        }

        // Every other eligible venue, in priority order (the ranking may be cut to one when failover is off).
        foreach (var venue in Priority.Distinct())
        {
            if (venue == winner || !TryGetSlot(venue, out var slot))
            {
                continue;
            }

            if (slot.Status is not (VenueRouteStatus.Priced or VenueRouteStatus.NoCostData or VenueRouteStatus.StaleCostData))
            {
                continue;
            }

            text.Append(" vs ").Append(venue.Name).Append(": ");
            text.Append(slot.Status == VenueRouteStatus.Priced ? Bps(slot.Cost.TotalBps) + " bps" : Unpriced(slot) + ", ranked by priority");
        }

        var skipped = false;
        foreach (var venue in Priority.Distinct())
        {
            if (!TryGetSlot(venue, out var slot) || slot.Status is not (VenueRouteStatus.Unhealthy or VenueRouteStatus.MarketClosed))
            {
                continue;
            }

            text.Append(skipped ? ", " : "; skipped: ").Append(venue.Name).Append(slot.Status == VenueRouteStatus.Unhealthy ? " (unhealthy)" : " (market closed)");
            skipped = true;
        }

        return text.ToString();
    }

    private static string Unpriced(VenueSlot slot) => slot.Status == VenueRouteStatus.StaleCostData
        ? $"cost data {slot.AgeSeconds.ToString("F0", CultureInfo.InvariantCulture)} s old (stale)"
        : "no cost data";

    private static string Bps(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F1", CultureInfo.InvariantCulture); // never "-0.0"
    }
}
