using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Routing.Costs;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Routing;

/// <summary>
/// A random routing world built from one seed: which venues list the token, their health, market hours, the user's
/// exclusions, and each venue's cost snapshot (present or not, fresh or stale, with or without the token).
/// </summary>
internal sealed class RoutingScenario
{
    public const string Token = "TKN";
    public static readonly Venue[] Concrete = [Venue.Hyperliquid, Venue.Ostium, Venue.Gmx, Venue.Spot];
    private static readonly double[] Fees = [2.5, 4.5, 4.5, 6];
    private static readonly double[] Spreads = [0.5, 1, 2.5];
    private static readonly double[] Fundings = [-0.3, -0.1, 0, 0.1, 0.3];
    private static readonly double[] FixedFees = [0, 0, 0.1, 0.5];
    private static readonly decimal[] Notionals = [0m, 100m, 1_000m, 50_000m, 1_000_000m];
    private static readonly TimeSpan?[] Holdings = [null, TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(24)];

    public required Venue[] Priority { get; init; }
    public required HashSet<Venue> Listing { get; init; }
    public required HashSet<Venue> Unhealthy { get; init; }
    public required HashSet<Venue> Closed { get; init; }
    public required Venue[] Excluded { get; init; }
    public required Dictionary<Venue, MarketCostCurve> FreshCurves { get; init; }
    public required bool Failover { get; init; }
    public required RoutingRequest Request { get; init; }
    public required PriorityVenueRouter Router { get; init; }
    public required double Notional { get; init; }
    public required double Hours { get; init; }

    /// <summary>Venues that may be chosen: in priority, not excluded, listed, healthy, open.</summary>
    public List<Venue> Eligible => Priority.Distinct()
        .Where(v => !Excluded.Contains(v) && Listing.Contains(v) && !Unhealthy.Contains(v) && !Closed.Contains(v)).ToList();

    public double CostOf(Venue venue) => FreshCurves[venue].Estimate(Request.Side, Notional, Hours).TotalBps;

    public static RoutingScenario Build(int seed, RoutingStrategy strategy, bool withMarketHours = true)
    {
        var random = new Random(seed);
        var priority = Concrete.OrderBy(_ => random.Next()).Take(random.Next(1, Concrete.Length + 1)).ToArray();
        if (random.Next(6) == 0)
        {
            priority = [.. priority, priority[0]];
        }

        var listing = Concrete.Where(_ => random.Next(4) != 0).ToHashSet();
        var unhealthy = Concrete.Where(_ => random.Next(5) == 0).ToHashSet();
        var closed = withMarketHours ? Concrete.Where(_ => random.Next(5) == 0).ToHashSet() : [];
        var excluded = Concrete.Where(_ => random.Next(7) == 0).ToArray();
        var failover = random.Next(4) != 0;

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var options = new BestExecutionOptions();
        var snapshots = new VenueCostSnapshots();
        var fresh = new Dictionary<Venue, MarketCostCurve>();
        foreach (var venue in Concrete)
        {
            if (random.Next(6) == 0)
            {
                continue;
            }

            var curve = RandomCurve(random);
            var stale = random.Next(6) == 0;
            var hasToken = random.Next(8) != 0;
            var asOf = time.GetUtcNow() - (stale ? options.MaxCostSnapshotAge + TimeSpan.FromSeconds(1 + random.Next(300)) : TimeSpan.FromSeconds(random.Next(60)));
            var markets = hasToken ? new Dictionary<string, MarketCostCurve> { [Token] = curve } : [];
            snapshots.Publish(new VenueCostSnapshot(venue, asOf, markets));
            if (!stale && hasToken)
            {
                fresh[venue] = curve;
            }
        }

        var health = new VenueHealthRegistry();
        var catalog = new MarketCatalog(new VenueAdapterRegistry([]), health, Options.Create(new MaxxitOptions()), time, NullLogger<MarketCatalog>.Instance);
        foreach (var venue in Concrete)
        {
            catalog.Replace(venue, listing.Contains(venue) ? [new MarketInfo { Venue = venue, Symbol = Token, VenueSymbol = Token }] : []);
        }

        foreach (var venue in unhealthy)
        {
            health.Report(venue, healthy: false);
        }

        var cache = new RoutingConfigCache();
        cache.Set(new RoutingConfig { VenuePriority = priority, Strategy = strategy, FailoverEnabled = failover });
        var adapters = new VenueAdapterRegistry(Concrete.Select(v => (IVenueAdapter)new HoursVenue(v, !closed.Contains(v))));
        var router = new PriorityVenueRouter(catalog, cache, health, new MaxxitMetrics(), adapters, snapshots, time, Options.Create(options));
        var notional = Notionals[random.Next(Notionals.Length)];
        var holding = Holdings[random.Next(Holdings.Length)];
        var request = new RoutingRequest(Token, null, null, excluded, random.Next(2) == 0 ? TradeSide.Long : TradeSide.Short, notional, holding);
        return new RoutingScenario
        {
            Priority = priority,
            Listing = listing,
            Unhealthy = unhealthy,
            Closed = closed,
            Excluded = excluded,
            FreshCurves = fresh,
            Failover = failover,
            Request = request,
            Router = router,
            Notional = notional > 0 ? (double)notional : (double)options.DefaultNotionalUsd,
            Hours = (holding ?? options.DefaultHoldingPeriod).TotalHours,
        };
    }

    private static MarketCostCurve RandomCurve(Random random)
    {
        const double mid = 2_000;
        var levels = random.Next(1, 21);
        var half = Spreads[random.Next(Spreads.Length)];
        var bids = new BookLevel[levels];
        var asks = new BookLevel[levels];
        var offsetBps = half;
        for (var i = 0; i < levels; i++)
        {
            offsetBps += i == 0 ? 0 : 0.5 + random.Next(3);
            var offset = offsetBps / 10_000;
            asks[i] = new BookLevel(mid * (1 + offset), 0.5 + random.Next(100));
            bids[i] = new BookLevel(mid * (1 - offset), 0.5 + random.Next(100));
        }

        var funding = Fundings[random.Next(Fundings.Length)];
        return new MarketCostCurve(mid, bids, asks, Fees[random.Next(Fees.Length)], funding, -funding, FixedFees[random.Next(FixedFees.Length)]);
    }

    /// <summary>A venue adapter that only answers whether its market is open.</summary>
    internal sealed class HoursVenue(Venue venue, bool open) : IVenueAdapter, IMarketStatusVenue
    {
        public Venue Venue => venue;

        public bool IsMarketOpen(MarketInfo market) => open;

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<MarketInfo>>([]);

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true, "test"));
    }
}
