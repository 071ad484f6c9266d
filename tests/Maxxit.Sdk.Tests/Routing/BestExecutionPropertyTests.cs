using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Routing;

namespace Maxxit.Sdk.Tests.Routing;

public sealed class BestExecutionPropertyTests
{
    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue - 1));

    [Property(MaxTest = 500)]
    public Property The_chosen_venue_is_eligible_and_never_costs_more_than_another_eligible_venue() =>
        Prop.ForAll(Seeds, seed =>
        {
            var s = RoutingScenario.Build(seed, RoutingStrategy.BestExecution);
            var decision = s.Router.Route(s.Request);
            var eligible = s.Eligible;
            if (eligible.Count == 0)
            {
                return decision.SelectedVenue is null && decision.Ranking.Count == 0;
            }

            var chosen = decision.SelectedVenue!.Value;
            var priced = eligible.Where(s.FreshCurves.ContainsKey).ToList();
            var costOk = priced.Count == 0
                ? chosen == eligible[0]
                : priced.Contains(chosen) && priced.All(v => s.CostOf(chosen) <= s.CostOf(v))
                    && chosen == priced.First(v => s.CostOf(v) == priced.Min(s.CostOf));
            return eligible.Contains(chosen)
                && decision.Ranking[0] == chosen
                && decision.Ranking.All(eligible.Contains)
                && decision.Ranking.Count == (s.Failover ? eligible.Count : 1)
                && costOk
                && (!s.FreshCurves.ContainsKey(chosen) || (decision.TryGetCost(chosen, out var cost) && cost.TotalBps == s.CostOf(chosen)));
        });

    [Property(MaxTest = 300)]
    public Property With_failover_the_ranking_is_priced_venues_by_cost_then_the_rest_by_priority() =>
        Prop.ForAll(Seeds, seed =>
        {
            var s = RoutingScenario.Build(seed, RoutingStrategy.BestExecution);
            if (!s.Failover)
            {
                return true;
            }

            var eligible = s.Eligible;
            var expected = eligible.Where(s.FreshCurves.ContainsKey).OrderBy(s.CostOf) // OrderBy is stable: ties keep priority order
                .Concat(eligible.Where(v => !s.FreshCurves.ContainsKey(v)));
            return s.Router.Route(s.Request).Ranking.SequenceEqual(expected);
        });

    [Property(MaxTest = 300)]
    public Property The_decision_is_deterministic_for_the_same_snapshots() =>
        Prop.ForAll(Seeds, seed =>
        {
            var s = RoutingScenario.Build(seed, RoutingStrategy.BestExecution);
            var first = s.Router.Route(s.Request);
            var second = s.Router.Route(s.Request);
            var firstDetails = first.ToVenueDetails();
            var secondDetails = second.ToVenueDetails();
            return first.SelectedVenue == second.SelectedVenue
                && first.Ranking == second.Ranking
                && first.Reason == second.Reason
                && first.CheckedVenues.SequenceEqual(second.CheckedVenues)
                && (firstDetails is null) == (secondDetails is null)
                && (firstDetails is null || firstDetails.OrderBy(kv => kv.Key).SequenceEqual(secondDetails!.OrderBy(kv => kv.Key)));
        });

    [Property(MaxTest = 300)]
    public Property A_venue_that_does_not_list_is_unhealthy_closed_or_excluded_is_never_chosen_or_ranked() =>
        Prop.ForAll(Seeds, Arb.From(Gen.Elements(RoutingStrategy.FirstAvailable, RoutingStrategy.BestExecution)), (seed, strategy) =>
        {
            var s = RoutingScenario.Build(seed, strategy);
            var decision = s.Router.Route(s.Request);
            bool Bad(Venue v) => !s.Listing.Contains(v) || s.Unhealthy.Contains(v) || s.Closed.Contains(v) || s.Excluded.Contains(v);
            return (decision.SelectedVenue is not { } chosen || !Bad(chosen)) && !decision.Ranking.Any(Bad);
        });

    [Property(MaxTest = 500)]
    public Property First_available_behaves_as_before() =>
        Prop.ForAll(Seeds, seed =>
        {
            // Without market hours (the original router knew none), the new router must match the original one exactly.
            var s = RoutingScenario.Build(seed, RoutingStrategy.FirstAvailable, withMarketHours: false);
            var decision = s.Router.Route(s.Request);
            var (selected, reason, checkedVenues, listed) = OriginalFirstAvailable(s);
            var expectedRanking = selected is null ? [] : s.Failover ? s.Eligible : [selected.Value];
            return decision.SelectedVenue == selected
                && decision.Reason == (reason ?? $"No venue available for {RoutingScenario.Token}. Checked: {string.Join(", ", checkedVenues.Select(v => v.Name))}")
                && decision.CheckedVenues.SequenceEqual(checkedVenues)
                && decision.Availability.ToDictionary().OrderBy(kv => kv.Key).SequenceEqual(listed.OrderBy(kv => kv.Key))
                && decision.Ranking.SequenceEqual(expectedRanking)
                && decision.ToVenueDetails() is null;
        });

    // The FIRST_AVAILABLE algorithm as it was before BEST_EXECUTION, kept here as the oracle.
    private static (Venue? Selected, string? Reason, List<Venue> Checked, Dictionary<Venue, bool> Listed) OriginalFirstAvailable(RoutingScenario s)
    {
        var checkedSet = new HashSet<Venue>();
        var listed = new Dictionary<Venue, bool>();
        var skippedUnhealthy = false;
        Venue? selected = null;
        string? reason = null;
        foreach (var venue in s.Priority)
        {
            if (s.Excluded.Contains(venue))
            {
                continue;
            }

            checkedSet.Add(venue);
            listed[venue] = s.Listing.Contains(venue);
            if (!s.Listing.Contains(venue))
            {
                continue;
            }

            if (!s.Unhealthy.Contains(venue))
            {
                selected = venue;
                reason = skippedUnhealthy ? $"{venue.Name}: pair available (failover)" : $"{venue.Name}: pair available";
                break;
            }

            if (!s.Failover)
            {
                reason = $"{venue.Name}: pair available but venue unhealthy; failover disabled";
                break;
            }

            skippedUnhealthy = true;
        }

        return (selected, reason, s.Priority.Where(checkedSet.Contains).ToList(), listed);
    }
}
