using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Routing;

public sealed class PriorityVenueRouterTests
{
    private static readonly Venue[] Concrete = [Venue.Hyperliquid, Venue.Ostium, Venue.Gmx, Venue.Spot];

    [Fact]
    public async Task Eth_goes_to_hyperliquid_xau_to_ostium_and_an_unlisted_token_nowhere()
    {
        using var sp = TestServices.Build();
        await sp.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(default);
        var router = sp.GetRequiredService<IVenueRouter>();

        var eth = router.Route(new RoutingRequest("ETH"));
        Assert.Equal(Venue.Hyperliquid, eth.SelectedVenue);
        Assert.Equal("HYPERLIQUID: pair available", eth.Reason);
        Assert.Equal([Venue.Hyperliquid], eth.CheckedVenues);
        Assert.True(eth.Availability.IsListed(Venue.Hyperliquid));

        var xau = router.Route(new RoutingRequest("XAU"));
        Assert.Equal(Venue.Ostium, xau.SelectedVenue);
        Assert.Equal("OSTIUM: pair available", xau.Reason);
        Assert.Equal([Venue.Hyperliquid, Venue.Ostium], xau.CheckedVenues);
        Assert.Equal(new Dictionary<Venue, bool> { [Venue.Hyperliquid] = false, [Venue.Ostium] = true }, xau.Availability.ToDictionary());

        var xyz = router.Route(new RoutingRequest("XYZ"));
        Assert.Null(xyz.SelectedVenue);
        Assert.Equal("No venue available for XYZ. Checked: HYPERLIQUID, OSTIUM", xyz.Reason);
    }

    [Fact]
    public async Task Paper_catalog_has_realistic_market_lists()
    {
        using var sp = TestServices.Build();
        var catalog = sp.GetRequiredService<IMarketCatalog>();
        await catalog.EnsureFreshAsync(default);
        Assert.True(catalog.GetMarkets(Venue.Hyperliquid).Count >= 220);
        var ostium = catalog.GetMarkets(Venue.Ostium);
        Assert.True(ostium.Count >= 41);
        foreach (var category in new[] { MarketCategory.Forex, MarketCategory.Commodity, MarketCategory.Index })
        {
            Assert.Contains(ostium, m => m.Category == category);
        }

        foreach (var major in new[] { "BTC", "ETH" })
        {
            Assert.True(catalog.TryGet(Venue.Hyperliquid, major, out _));
            Assert.True(catalog.TryGet(Venue.Ostium, major, out _));
        }
    }

    [Fact]
    public void Agent_config_and_user_bias_override_the_global_order()
    {
        var (router, cache, _) = RouterOver(new() { [Venue.Hyperliquid] = ["ETH"], [Venue.Ostium] = ["ETH"] });
        var agentId = Guid.NewGuid();
        cache.Set(new RoutingConfig { AgentId = agentId, VenuePriority = [Venue.Ostium, Venue.Hyperliquid] });

        Assert.Equal(Venue.Hyperliquid, router.Route(new RoutingRequest("ETH")).SelectedVenue);
        Assert.Equal(Venue.Ostium, router.Route(new RoutingRequest("ETH", agentId)).SelectedVenue);
        Assert.Equal(Venue.Hyperliquid, router.Route(new RoutingRequest("ETH", agentId, [Venue.Hyperliquid])).SelectedVenue);
        Assert.Equal(Venue.Hyperliquid, router.Route(new RoutingRequest("ETH", agentId, null, [Venue.Ostium])).SelectedVenue);
    }

    [Fact]
    public void Unhealthy_venue_fails_over_only_when_failover_is_on()
    {
        var (router, cache, health) = RouterOver(new() { [Venue.Hyperliquid] = ["ETH"], [Venue.Ostium] = ["ETH"] });
        health.Report(Venue.Hyperliquid, healthy: false);
        var failover = router.Route(new RoutingRequest("ETH"));
        Assert.Equal(Venue.Ostium, failover.SelectedVenue);
        Assert.Equal("OSTIUM: pair available (failover)", failover.Reason);

        cache.Set(new RoutingConfig { VenuePriority = [Venue.Hyperliquid, Venue.Ostium], FailoverEnabled = false });
        var none = router.Route(new RoutingRequest("ETH"));
        Assert.Null(none.SelectedVenue);
        Assert.Contains("failover disabled", none.Reason);
    }

    [Property(MaxTest = 300)]
    public Property Picks_the_first_listing_venue_in_priority_order_and_never_one_that_does_not_list()
    {
        var tokens = new[] { "AAA", "BBB", "CCC", "DDD" };
        var listings = Gen.Elements(Concrete).ArrayOf().Select(v => v.Distinct().ToArray()).Where(v => v.Length > 0)
            .SelectMany(priority => Gen.Elements(tokens).ArrayOf().ArrayOf(Concrete.Length).Select(lists => (priority, lists)));
        return Prop.ForAll(Arb.From(listings), Arb.From(Gen.Elements(tokens)), (input, token) =>
        {
            var (priority, lists) = input;
            var markets = Concrete.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => lists[x.i]);
            var (router, cache, _) = RouterOver(markets);
            cache.Set(new RoutingConfig { VenuePriority = priority });
            var decision = router.Route(new RoutingRequest(token));
            var expected = priority.Cast<Venue?>().FirstOrDefault(v => markets[v!.Value].Contains(token));
            var again = router.Route(new RoutingRequest(token));
            return decision.SelectedVenue == expected
                && (decision.SelectedVenue is not { } chosen || markets[chosen].Contains(token))
                && again.SelectedVenue == decision.SelectedVenue
                && again.Reason == decision.Reason
                && again.CheckedVenues.SequenceEqual(decision.CheckedVenues);
        });
    }

    private static (PriorityVenueRouter Router, RoutingConfigCache Cache, VenueHealthRegistry Health) RouterOver(Dictionary<Venue, string[]> markets)
    {
        using var sp = TestServices.Build(options: o => o.UsePaperVenues = false);
        var catalog = sp.GetRequiredService<IMarketCatalog>();
        foreach (var (venue, symbols) in markets)
        {
            catalog.Replace(venue, symbols.Distinct().Select(s => new MarketInfo { Venue = venue, Symbol = s, VenueSymbol = s }));
        }

        var cache = new RoutingConfigCache();
        var health = new VenueHealthRegistry();
        return (new PriorityVenueRouter(catalog, cache, health, new MaxxitMetrics()), cache, health);
    }
}

public sealed class VenueHealthRefreshTests
{
    [Fact]
    public async Task A_venue_reporting_itself_unavailable_on_refresh_is_failed_over()
    {
        using var sp = TestServices.Build(b => b.AddVenue(_ => new DownVenue()).UsePaperVenues());
        await sp.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(default);

        var decision = sp.GetRequiredService<IVenueRouter>().Route(new RoutingRequest("ETH"));

        Assert.False(sp.GetRequiredService<VenueHealthRegistry>().IsHealthy(Venue.Hyperliquid));
        Assert.Equal(Venue.Ostium, decision.SelectedVenue);
        Assert.Equal("OSTIUM: pair available (failover)", decision.Reason);
    }

    private sealed class DownVenue : IVenueAdapter
    {
        public Venue Venue => Venue.Hyperliquid;

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken ct) => ValueTask.FromResult(Maxxit.Sdk.Venues.Paper.PaperMarketData.For(Venue.Hyperliquid));

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct) => throw new InvalidOperationException("down");

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken ct) => ValueTask.FromResult(new VenueHealth(false, "maintenance"));
    }
}
