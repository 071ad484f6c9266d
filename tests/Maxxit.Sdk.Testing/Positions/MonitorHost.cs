using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Metrics;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Testing.Positions;

/// <summary>One host running the position lifecycle: its own catalog and price book, a shared store and venues.</summary>
public sealed class MonitorHost
{
    public MonitorHost(IMaxxitStore store, IEnumerable<IVenueAdapter> venues, FakeTimeProvider time, PositionMonitorOptions options)
    {
        var registry = new VenueAdapterRegistry(venues);
        var opts = Options.Create(options);
        Catalog = new MarketCatalog(registry, new VenueHealthRegistry(), Options.Create(new MaxxitOptions()), time, NullLogger<MarketCatalog>.Instance);
        Prices = new PositionPriceBook();
        Metrics = new AgentMetricsUpdater(store, store, time);
        Closer = new PositionCloser(store, registry, Catalog, opts, Options.Create(new MaxxitOptions()), time, NullLogger<PositionCloser>.Instance);
        Fills = new Maxxit.Sdk.Execution.FillConfirmer(store, registry, Catalog, Options.Create(new MaxxitOptions()), time, new Maxxit.Sdk.Diagnostics.MaxxitMetrics(), NullLogger<Maxxit.Sdk.Execution.FillConfirmer>.Instance);
        Reconciler = new PositionReconciler(store, registry, Catalog, Closer, Prices, Metrics, opts, time, NullLogger<PositionReconciler>.Instance);
        Monitor = new PositionMonitor(store, registry, Catalog, Closer, Reconciler, Prices, Metrics, Fills, opts, time, NullLogger<PositionMonitor>.Instance);
    }

    public MarketCatalog Catalog { get; }

    public PositionPriceBook Prices { get; }

    public AgentMetricsUpdater Metrics { get; }

    public PositionCloser Closer { get; }

    public Maxxit.Sdk.Execution.FillConfirmer Fills { get; }

    public PositionReconciler Reconciler { get; }

    public PositionMonitor Monitor { get; }
}
