using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Routing.Costs;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Routing;

public sealed class BestExecutionRouterTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task On_paper_venues_a_token_listed_on_both_goes_to_the_cheaper_one_with_the_breakdown()
    {
        var (sp, time) = await PaperAsync();
        using var _ = sp;
        Paper(sp, Venue.Hyperliquid).CostProfile = PaperCostProfile.Hyperliquid with { FundingBpsPerHour = new Dictionary<string, double> { ["BTC"] = 0.4 } };
        Paper(sp, Venue.Ostium).CostProfile = PaperCostProfile.Ostium with { FundingBpsPerHour = new Dictionary<string, double> { ["BTC"] = 0.0 } };
        await sp.GetRequiredService<VenueCostRefresher>().RefreshAsync(default);
        var router = sp.GetRequiredService<IVenueRouter>();

        // Long pays 0.4 bps/h on Hyperliquid (9.6 bps over the default 24 h): Ostium is cheaper.
        var longBtc = router.Route(new RoutingRequest("BTC", Side: TradeSide.Long, NotionalUsd: 10_000m));
        Assert.Equal(RoutingStrategy.BestExecution, longBtc.Strategy);
        Assert.Equal(Venue.Ostium, longBtc.SelectedVenue);
        Assert.True(longBtc.TryGetCost(Venue.Ostium, out var ostium));
        Assert.True(longBtc.TryGetCost(Venue.Hyperliquid, out var hyperliquid));
        Assert.True(ostium.TotalBps < hyperliquid.TotalBps);
        Assert.Equal(4.5, hyperliquid.FeeBps);
        Assert.Equal(0.4 * 24, hyperliquid.CarryBps, 9);
        Assert.Equal(0.10 / 10_000 * 10_000, ostium.FixedBps, 9);
        Assert.Matches(@"^OSTIUM: \d+\.\d bps \(fee 3\.0, spread\+impact 2\.5, rollover\+funding 0\.2, fixed 0\.1\) vs HYPERLIQUID: \d+\.\d bps$", longBtc.Reason);
        Assert.Equal(VenueRanking.Of(Venue.Ostium, Venue.Hyperliquid), longBtc.Ranking);

        // The short side receives that funding on Hyperliquid: a negative carry, and Hyperliquid wins.
        var shortBtc = router.Route(new RoutingRequest("BTC", Side: TradeSide.Short, NotionalUsd: 10_000m));
        Assert.Equal(Venue.Hyperliquid, shortBtc.SelectedVenue);
        Assert.True(shortBtc.TryGetCost(Venue.Hyperliquid, out var receiving));
        Assert.True(receiving.CarryBps < 0);
        Assert.StartsWith("HYPERLIQUID: ", shortBtc.Reason);
        Assert.Contains("funding -9.6", shortBtc.Reason);

        // A token only one venue lists goes there, priced.
        var xau = router.Route(new RoutingRequest("XAU"));
        Assert.Equal(Venue.Ostium, xau.SelectedVenue);
        Assert.Equal(VenueRanking.Of(Venue.Ostium), xau.Ranking);
        Assert.Equal(Start, time.GetUtcNow());
    }

    [Fact]
    public async Task Walking_a_thin_book_costs_more_for_a_larger_order()
    {
        var (sp, _) = await PaperAsync();
        using var __ = sp;
        await sp.GetRequiredService<VenueCostRefresher>().RefreshAsync(default);
        var router = sp.GetRequiredService<IVenueRouter>();
        var small = router.Route(new RoutingRequest("LINK", NotionalUsd: 1_000m));
        var large = router.Route(new RoutingRequest("LINK", NotionalUsd: 400_000m));
        Assert.True(small.TryGetCost(Venue.Hyperliquid, out var s));
        Assert.True(large.TryGetCost(Venue.Hyperliquid, out var l));
        Assert.True(l.SpreadImpactBps > s.SpreadImpactBps + 5, $"{l.SpreadImpactBps} vs {s.SpreadImpactBps}");
        Assert.True(large.TryGetCost(Venue.Ostium, out var o));
        Assert.Equal(2.5, o.SpreadImpactBps, 9); // an oracle quote: the same half spread at any size
    }

    [Fact]
    public async Task A_stale_snapshot_counts_as_unknown_and_the_venue_is_ranked_by_priority_after_fresh_ones()
    {
        var (sp, time) = await PaperAsync();
        using var _ = sp;
        var refresher = sp.GetRequiredService<VenueCostRefresher>();
        var snapshots = sp.GetRequiredService<VenueCostSnapshots>();
        await refresher.RefreshAsync(default);
        snapshots.TryGet(Venue.Hyperliquid, out var old);
        time.Advance(TimeSpan.FromSeconds(61));
        await refresher.RefreshAsync(default);
        snapshots.Publish(old); // Hyperliquid's data is now 61 s old, Ostium's fresh

        var decision = sp.GetRequiredService<IVenueRouter>().Route(new RoutingRequest("ETH"));
        Assert.Equal(Venue.Ostium, decision.SelectedVenue);
        Assert.Equal(VenueRanking.Of(Venue.Ostium, Venue.Hyperliquid), decision.Ranking);
        Assert.EndsWith("vs HYPERLIQUID: cost data 61 s old (stale), ranked by priority", decision.Reason);
        Assert.False(decision.TryGetCost(Venue.Hyperliquid, out var __));
        Assert.Equal(VenueRouteStatus.StaleCostData, decision.ToVenueDetails()![Venue.Hyperliquid].Status);

        // Nothing fresh at all: priority order, and the reason says so.
        time.Advance(TimeSpan.FromSeconds(61));
        var blind = sp.GetRequiredService<IVenueRouter>().Route(new RoutingRequest("ETH"));
        Assert.Equal(Venue.Hyperliquid, blind.SelectedVenue);
        Assert.StartsWith("HYPERLIQUID: cost data 122 s old (stale), no venue has fresh cost data: ranked by priority vs OSTIUM: cost data 61 s old (stale)", blind.Reason);
    }

    [Fact]
    public async Task Without_any_snapshot_best_execution_keeps_priority_order()
    {
        var (sp, _) = await PaperAsync();
        using var __ = sp;
        var decision = sp.GetRequiredService<IVenueRouter>().Route(new RoutingRequest("ETH"));
        Assert.Equal(Venue.Hyperliquid, decision.SelectedVenue);
        Assert.Equal("HYPERLIQUID: no cost data, no venue has fresh cost data: ranked by priority vs OSTIUM: no cost data, ranked by priority", decision.Reason);
    }

    [Fact]
    public async Task Failover_moves_down_the_same_ranking_and_records_the_refusal()
    {
        var (sp, _) = await PaperAsync();
        using var __ = sp;
        await sp.GetRequiredService<VenueCostRefresher>().RefreshAsync(default);
        var decision = sp.GetRequiredService<IVenueRouter>().Route(new RoutingRequest("ETH"));
        var first = decision.SelectedVenue!.Value;
        var second = decision.Ranking[1];

        var next = decision.FailOver(first, "insufficient margin");
        Assert.Equal(second, next.SelectedVenue);
        Assert.Equal(VenueRanking.Of(second), next.Ranking);
        Assert.Equal([new VenueRefusal(first, "insufficient margin")], next.Refusals);
        Assert.StartsWith($"{first.Name} refused the order (insufficient margin); failover to {second.Name}. Routed: {decision.Reason}", next.Reason);
        var details = next.ToVenueDetails()!;
        Assert.Equal(VenueRouteStatus.Refused, details[first].Status);
        Assert.Equal("insufficient margin", details[first].Refusal);
        Assert.NotNull(details[first].TotalBps);
        Assert.Equal(VenueRouteStatus.Priced, details[second].Status);

        var none = next.FailOver(second, "market halted");
        Assert.Null(none.SelectedVenue);
        Assert.Empty(none.Ranking);
        Assert.Contains("no other venue in the ranking", none.Reason);
        Assert.Equal(2, none.Refusals.Count);
        Assert.Throws<InvalidOperationException>(() => none.FailOver(first, "again"));
    }

    [Fact]
    public async Task With_failover_disabled_the_ranking_holds_only_the_first_venue()
    {
        var (sp, _) = await PaperAsync(failover: false);
        using var __ = sp;
        await sp.GetRequiredService<VenueCostRefresher>().RefreshAsync(default);
        var decision = sp.GetRequiredService<IVenueRouter>().Route(new RoutingRequest("ETH"));
        Assert.Single(decision.Ranking);
        Assert.Contains(" vs ", decision.Reason);
        Assert.Null(decision.FailOver(decision.SelectedVenue!.Value, "refused").SelectedVenue);
    }

    [Fact]
    public async Task First_available_failover_adds_the_next_venue_to_the_checked_venues()
    {
        using var sp = TestServices.Build();
        await sp.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(default);
        var decision = sp.GetRequiredService<IVenueRouter>().Route(new RoutingRequest("ETH"));
        Assert.Equal(RoutingStrategy.FirstAvailable, decision.Strategy);
        Assert.Equal(VenueRanking.Of(Venue.Hyperliquid, Venue.Ostium), decision.Ranking);
        Assert.Equal([Venue.Hyperliquid], decision.CheckedVenues);
        Assert.Null(decision.ToVenueDetails());

        var next = decision.FailOver(Venue.Hyperliquid, "Insufficient margin to place order");
        Assert.Equal(Venue.Ostium, next.SelectedVenue);
        Assert.Equal([Venue.Hyperliquid, Venue.Ostium], next.CheckedVenues);
        Assert.True(next.Availability.IsListed(Venue.Ostium));
        Assert.Equal("HYPERLIQUID refused the order (Insufficient margin to place order); failover to OSTIUM. Routed: HYPERLIQUID: pair available", next.Reason);
        var details = next.ToVenueDetails()!;
        Assert.Equal([Venue.Hyperliquid], details.Keys);
        Assert.Equal(VenueRouteStatus.Refused, details[Venue.Hyperliquid].Status);
    }

    [Fact]
    public void A_closed_market_is_skipped_by_both_strategies()
    {
        using var sp = TestServices.Build(b => b.AddVenue(_ => new RoutingScenario.HoursVenue(Venue.Ostium, open: false)));
        var catalog = sp.GetRequiredService<IMarketCatalog>();
        catalog.Replace(Venue.Hyperliquid, []);
        catalog.Replace(Venue.Ostium, [new MarketInfo { Venue = Venue.Ostium, Symbol = "EURUSD", VenueSymbol = "EUR/USD", Category = MarketCategory.Forex }]);
        var router = sp.GetRequiredService<IVenueRouter>();
        var first = router.Route(new RoutingRequest("EURUSD"));
        Assert.Null(first.SelectedVenue);

        sp.GetRequiredService<RoutingConfigCache>().Set(RoutingConfig.GlobalDefault with { Strategy = RoutingStrategy.BestExecution });
        var best = router.Route(new RoutingRequest("EURUSD"));
        Assert.Null(best.SelectedVenue);
        Assert.Equal(VenueRouteStatus.MarketClosed, best.ToVenueDetails()![Venue.Ostium].Status);
    }

    [Fact]
    public void Walking_the_book_prices_the_average_fill_against_the_mid()
    {
        BookLevel[] asks = [new(100.1, 10), new(100.2, 10)];
        BookLevel[] bids = [new(99.9, 10)];
        var curve = new MarketCostCurve(100, bids, asks, takerFeeBps: 4.5, longCarryBpsPerHour: 0.5, shortCarryBpsPerHour: -0.5, fixedFeeUsd: 1);

        // 1,501 USD: 1,001 at 100.1 (10 coins), 500 at 100.2 (4.99 coins) → average 1501 / 14.99002 = 100.1333.
        var cost = curve.Estimate(TradeSide.Long, 1_501, holdingHours: 10);
        var average = 1_501 / (10 + (500 / 100.2));
        Assert.Equal((average / 100 - 1) * 10_000, cost.SpreadImpactBps, 9);
        Assert.InRange(cost.SpreadImpactBps, 13.3, 13.4);
        Assert.Equal(5, cost.CarryBps, 9);
        Assert.Equal(1.0 / 1_501 * 10_000, cost.FixedBps, 9);
        Assert.False(cost.DepthExceeded);

        var sell = curve.Estimate(TradeSide.Short, 100, holdingHours: 10);
        Assert.Equal(10, sell.SpreadImpactBps, 9);
        Assert.Equal(-5, sell.CarryBps, 9);

        var beyond = curve.Estimate(TradeSide.Short, 5_000, holdingHours: 0);
        Assert.True(beyond.DepthExceeded);
        Assert.Equal(10, beyond.SpreadImpactBps, 9);
    }

    [Fact]
    public void A_curve_rejects_bad_input_naming_the_field()
    {
        BookLevel[] one = [new(100, 1)];
        Assert.Equal("midPrice", Assert.Throws<Errors.MaxxitValidationException>(() => new MarketCostCurve(0, one, one, 1, 0, 0)).Field);
        Assert.Equal("asks", Assert.Throws<Errors.MaxxitValidationException>(() => new MarketCostCurve(100, one, [], 1, 0, 0)).Field);
        Assert.Equal("bids", Assert.Throws<Errors.MaxxitValidationException>(() => new MarketCostCurve(100, [new(99, 1), new(99.5, 1)], one, 1, 0, 0)).Field);
        Assert.Equal("takerFeeBps", Assert.Throws<Errors.MaxxitValidationException>(() => new MarketCostCurve(100, one, one, double.NaN, 0, 0)).Field);
    }

    [Fact]
    public async Task A_failing_cost_source_keeps_the_previous_snapshot()
    {
        var (sp, time) = await PaperAsync();
        using var _ = sp;
        var refresher = sp.GetRequiredService<VenueCostRefresher>();
        Assert.Equal(2, await refresher.RefreshAsync(default));
        var snapshots = sp.GetRequiredService<VenueCostSnapshots>();
        Assert.True(snapshots.TryGet(Venue.Hyperliquid, out var before));
        Assert.True(before.TryGet("BTC", out var btc) && btc.AskLevels == 20 && btc.BidLevels == 20);
        Assert.False(before.TryGet("XAU", out var __)); // listed on one venue only: not priced

        time.Advance(TimeSpan.FromSeconds(5));
        Paper(sp, Venue.Hyperliquid).CostProfile = PaperCostProfile.Hyperliquid with { HalfSpreadBps = -20_000 };
        Assert.Equal(1, await refresher.RefreshAsync(default));
        Assert.True(snapshots.TryGet(Venue.Hyperliquid, out var after));
        Assert.Same(before, after);
    }

    private static PaperVenueAdapter Paper(IServiceProvider sp, Venue venue) =>
        sp.GetRequiredService<VenueAdapterRegistry>().TryGet(venue, out var adapter) ? (PaperVenueAdapter)adapter : throw new InvalidOperationException();

    private static async Task<(ServiceProvider Services, FakeTimeProvider Time)> PaperAsync(bool failover = true)
    {
        var time = new FakeTimeProvider(Start);
        var sp = TestServices.Build(b => b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        await sp.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(default);
        sp.GetRequiredService<RoutingConfigCache>().Set(RoutingConfig.GlobalDefault with { Strategy = RoutingStrategy.BestExecution, FailoverEnabled = failover });
        return (sp, time);
    }
}
