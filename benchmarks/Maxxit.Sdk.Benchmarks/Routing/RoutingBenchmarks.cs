using BenchmarkDotNet.Attributes;
using Maxxit.Sdk;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Benchmarks.Routing;

/// <summary>
/// One routing decision over the full paper catalog (227 Hyperliquid perps, 56 Ostium pairs) against a bare
/// dictionary lookup of the same symbol, measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private ServiceProvider _services = null!;
    private IVenueRouter _router = null!;
    private Dictionary<string, MarketInfo> _dictionary = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(default).AsTask().GetAwaiter().GetResult();
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
}
