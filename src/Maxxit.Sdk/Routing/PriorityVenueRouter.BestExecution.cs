using System.Diagnostics;
using Maxxit.Sdk.Routing.Costs;

namespace Maxxit.Sdk.Routing;

public sealed partial class PriorityVenueRouter
{
    // BEST_EXECUTION: every venue of the (bias-adjusted) priority that is not excluded, lists the token, is healthy and
    // open is eligible; those with a fresh snapshot are ranked by expected cost (ties keep priority order), the others
    // follow in priority order. Reads only memory; the reason string is built when first read. Slots are filled in the
    // order venues are checked (at most VenueSlots.Count distinct venues of the priority are compared).
    private RoutingDecision RouteBestExecution(in RoutingRequest request, Venue[] priority, bool failover, int excluded, long started)
    {
        var now = _time.GetUtcNow();
        var notional = request.NotionalUsd > 0 ? (double)request.NotionalUsd : _defaultNotional;
        var hours = (request.HoldingPeriod ?? _options.DefaultHoldingPeriod).TotalHours;
        var maxAge = _options.MaxCostSnapshotAge;
        VenueSlots slots = default;
        Span<int> venues = stackalloc int[VenueSlots.Count];
        Span<double> keys = stackalloc double[VenueSlots.Count];
        Span<bool> priced = stackalloc bool[VenueSlots.Count];
        int count = 0, checkedMask = 0, listedMask = 0;
        var slotVenues = VenueRanking.Empty;

        foreach (var venue in priority)
        {
            var bit = 1 << venue.Ordinal;
            if ((excluded & bit) != 0 || (checkedMask & bit) != 0 || slotVenues.Count == VenueSlots.Count)
            {
                continue;
            }

            checkedMask |= bit;
            var index = slotVenues.Count;
            slotVenues = slotVenues.Append(venue);
            ref var slot = ref slots[index];
            slot.Checked = true;
            slot.AgeSeconds = double.NaN;
            if (!_catalog.TryGet(venue, request.TokenSymbol, out var market))
            {
                slot.Status = VenueRouteStatus.NotListed;
                continue;
            }

            listedMask |= bit;
            if (!_health.IsHealthy(venue))
            {
                slot.Status = VenueRouteStatus.Unhealthy;
                continue;
            }

            if (!IsOpen(venue, market))
            {
                slot.Status = VenueRouteStatus.MarketClosed;
                continue;
            }

            slot.Status = VenueRouteStatus.NoCostData;
            if (_costs.TryGet(venue, out var snapshot))
            {
                var age = now - snapshot.AsOf;
                slot.AgeSeconds = age.TotalSeconds;
                slot.CarryName = snapshot.CarryName;
                if (age > maxAge)
                {
                    slot.Status = VenueRouteStatus.StaleCostData;
                }
                else if (snapshot.TryGet(request.TokenSymbol, out var curve))
                {
                    slot.Cost = curve.Estimate(request.Side, notional, hours);
                    slot.Status = VenueRouteStatus.Priced;
                }
            }

            // Insert by (priced first, then cost); an equal cost or an unpriced venue goes after those already placed,
            // which keeps priority order for ties and for venues without fresh data.
            var isPriced = slot.Status == VenueRouteStatus.Priced;
            var key = isPriced ? slot.Cost.TotalBps : 0;
            var at = count;
            while (at > 0 && isPriced && (!priced[at - 1] || keys[at - 1] > key))
            {
                venues[at] = venues[at - 1];
                keys[at] = keys[at - 1];
                priced[at] = priced[at - 1];
                at--;
            }

            venues[at] = index;
            keys[at] = key;
            priced[at] = isPriced;
            count++;
        }

        var ranking = VenueRanking.Empty;
        var take = failover ? count : Math.Min(count, 1);
        for (var i = 0; i < take; i++)
        {
            ranking = ranking.Append(slotVenues[venues[i]]);
        }

        Venue? selected = count > 0 ? slotVenues[venues[0]] : null;
        var duration = Stopwatch.GetElapsedTime(started);
        _metrics.RecordRouting(selected, duration);
        return new CostedRoutingDecision(request.TokenSymbol, priority, new VenueAvailability(checkedMask, listedMask), duration, ranking, slots, slotVenues);
    }
}
