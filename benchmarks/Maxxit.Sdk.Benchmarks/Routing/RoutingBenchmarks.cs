using BenchmarkDotNet.Attributes;
using Maxxit.Sdk;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Routing.Costs;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Benchmarks.Routing;

/// <summary>
/// One routing decision over the full paper catalog (227 Hyperliquid perps, 56 Ostium pairs) against a bare
/// dictionary lookup of the same symbol, measured in the same run: FIRST_AVAILABLE (global default) and BEST_EXECUTION
/// (one agent's config) over two venues whose ETH snapshots each hold 20-level books.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RoutingBenchmarks
{
    private static readonly Guid BestExecutionAgent = Guid.Parse("0b5e0000-0000-4000-8000-000000000001");
    private ServiceProvider _services = null!;
    private IVenueRouter _router = null!;
    private Dictionary<string, MarketInfo> _dictionary = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3();
        services.Configure<BestExecutionOptions>(o => o.MaxCostSnapshotAge = TimeSpan.FromDays(1)); // the run must not age the snapshots out
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(default).AsTask().GetAwaiter().GetResult();
        _services.GetRequiredService<RoutingConfigCache>().Set(new RoutingConfig
        {
            AgentId = BestExecutionAgent,
            VenuePriority = [Venue.Hyperliquid, Venue.Ostium],
            Strategy = RoutingStrategy.BestExecution,
        });
        var snapshots = _services.GetRequiredService<VenueCostSnapshots>();
        snapshots.Publish(Snapshot(Venue.Hyperliquid, takerFeeBps: 4.5, halfSpreadBps: 0.5, fundingBpsPerHour: 0.12));
        snapshots.Publish(Snapshot(Venue.Ostium, takerFeeBps: 3, halfSpreadBps: 2, fundingBpsPerHour: 0.02));
        _router = _services.GetRequiredService<IVenueRouter>();
        _dictionary = PaperMarketData.For(Venue.Hyperliquid).ToDictionary(m => m.Symbol);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "Dictionary lookup")]
    public bool DictionaryLookup() => _dictionary.TryGetValue("ETH", out _);

    [Benchmark(Description = "Route ETH (first venue)")]
    public RoutingDecision RouteFirstVenue() => _router.Route(new RoutingRequest("ETH"));

    [Benchmark(Description = "Route XAU (second venue)")]
    public RoutingDecision RouteSecondVenue() => _router.Route(new RoutingRequest("XAU"));

    [Benchmark(Description = "BEST_EXECUTION ETH, 2 venues x 20-level books, $250k long")]
    public RoutingDecision RouteBestExecution() => _router.Route(new RoutingRequest("ETH", BestExecutionAgent, Side: TradeSide.Long, NotionalUsd: 250_000m));

    // 20 levels a side, 1 bps apart, $25k each: a $250k order walks ten of them.
    private static VenueCostSnapshot Snapshot(Venue venue, double takerFeeBps, double halfSpreadBps, double fundingBpsPerHour)
    {
        const double mid = 3_000;
        var bids = new BookLevel[20];
        var asks = new BookLevel[20];
        for (var i = 0; i < 20; i++)
        {
            var offset = (halfSpreadBps + i) / 10_000;
            asks[i] = new BookLevel(mid * (1 + offset), 25_000 / (mid * (1 + offset)));
            bids[i] = new BookLevel(mid * (1 - offset), 25_000 / (mid * (1 - offset)));
        }

        var curve = new MarketCostCurve(mid, bids, asks, takerFeeBps, fundingBpsPerHour, -fundingBpsPerHour, venue == Venue.Ostium ? 0.10 : 0);
        return new VenueCostSnapshot(venue, DateTimeOffset.UtcNow, new Dictionary<string, MarketCostCurve> { ["ETH"] = curve });
    }
}
