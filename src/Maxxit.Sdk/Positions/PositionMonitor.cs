using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Metrics;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Positions;

/// <summary>
/// Enforces trailing stops, stop-losses and take-profits, which the venues do not hold natively: each pass prices
/// every OPEN position, saves a better trailing best, and closes the position when a rule fires
/// (<see cref="PositionTriggers"/>). Several monitors (hosts) may run on one store; the close claim makes sure each
/// position is closed once. <see cref="RunAsync"/> reconciles at start and every <see cref="PositionMonitorOptions.ReconcileInterval"/>.
/// </summary>
public sealed class PositionMonitor
{
    private readonly IMaxxitStore _store;
    private readonly VenueAdapterRegistry _venues;
    private readonly IMarketCatalog _catalog;
    private readonly PositionCloser _closer;
    private readonly PositionReconciler _reconciler;
    private readonly PositionPriceBook _prices;
    private readonly AgentMetricsUpdater _metrics;
    private readonly Execution.FillConfirmer _fills;
    private readonly PositionMonitorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PositionMonitor> _logger;

    /// <summary>Creates the monitor.</summary>
    public PositionMonitor(
        IMaxxitStore store,
        VenueAdapterRegistry venues,
        IMarketCatalog catalog,
        PositionCloser closer,
        PositionReconciler reconciler,
        PositionPriceBook prices,
        AgentMetricsUpdater metrics,
        Execution.FillConfirmer fills,
        IOptions<PositionMonitorOptions> options,
        TimeProvider time,
        ILogger<PositionMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _venues = venues;
        _catalog = catalog;
        _closer = closer;
        _reconciler = reconciler;
        _prices = prices;
        _metrics = metrics;
        _fills = fills;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The last reconciliation's report, or null before the first.</summary>
    public ReconciliationReport? LastReconciliation { get; private set; }

    /// <summary>
    /// One pass: confirm pending fills, finish CLOSING positions whose lease lapsed, then check every OPEN position of
    /// this host's shard, oldest first, a page at a time.
    /// </summary>
    public async Task<MonitorPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        int checkedCount = 0, updates = 0, resumed = 0, skipped = 0, failed = 0;
        var closed = new List<Position>();
        var agents = new HashSet<Guid>();
        if (!_catalog.IsLoaded)
        {
            await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        var confirmed = await _fills.RunOnceAsync(cancellationToken).ConfigureAwait(false);

        var now = _time.GetUtcNow();
        await foreach (var position in _store.AllAsync(PositionStatus.Closing, _options.PageSize, _options.ShardIndex, _options.ShardCount, cancellationToken).ConfigureAwait(false))
        {
            if (position.LeaseExpiresAt > now)
            {
                continue;
            }

            var result = await TryAsync(() => _closer.ResumeAsync(position.Id, cancellationToken), position.Id, position.TokenSymbol, position.Venue, cancellationToken).ConfigureAwait(false);
            if (Count(result, closed, agents, ref skipped, ref failed))
            {
                resumed++;
            }
        }

        // OPEN positions are read narrowly (only what the rules check) and priced once per market per pass; a full
        // position is loaded only by the closer, for one whose rule fired, and nothing is written unless the trailing
        // best moved.
        var quotes = new Dictionary<(Venue, string), decimal?>();
        (Venue Venue, string Symbol, decimal? Price)? last = null;
        PositionPageKey? after = null;
        while (true)
        {
            var page = await _store.PageMonitoredPositionsAsync(PositionStatus.Open, after, _options.PageSize, _options.ShardIndex, _options.ShardCount, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < page.Count; i++)
            {
                var position = page[i];
                decimal? price;
                if (last is { } l && l.Venue == position.Venue && string.Equals(l.Symbol, position.TokenSymbol, StringComparison.Ordinal))
                {
                    price = l.Price;
                }
                else
                {
                    price = await PriceOfAsync(position.Venue, position.TokenSymbol, quotes, cancellationToken).ConfigureAwait(false);
                    last = (position.Venue, position.TokenSymbol, price);
                }

                if (price is not { } p)
                {
                    skipped++;
                    continue;
                }

                checkedCount++;
                if (PositionTriggers.ImproveBest(position, p) is { } better)
                {
                    await _store.UpdateTrailingAsync(position.Id, better, cancellationToken).ConfigureAwait(false);
                    position = position with { Trailing = better };
                    updates++;
                }

                if (PositionTriggers.Evaluate(position, p) is { } reason)
                {
                    var id = position.Id;
                    var result = await TryAsync(() => _closer.CloseAsync(id, reason, p, cancellationToken), id, position.TokenSymbol, position.Venue, cancellationToken).ConfigureAwait(false);
                    Count(result, closed, agents, ref skipped, ref failed);
                }
            }

            if (page.Count < _options.PageSize)
            {
                break;
            }

            after = PositionPageKey.After(page[^1]);
        }

        foreach (var agentId in agents)
        {
            try
            {
                await _metrics.UpdateAsync(agentId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The closes are recorded; stale metrics are recomputed on the agent's next close.
                _logger.LogWarning(ex, "Updating the metrics of agent {AgentId} failed", agentId);
            }
        }

        return new MonitorPassResult(checkedCount, updates, closed, resumed, skipped, failed, confirmed);
    }

    /// <summary>Reconciles with the venues now (see <see cref="PositionReconciler"/>).</summary>
    public async Task<ReconciliationReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        var report = await _reconciler.ReconcileAsync(cancellationToken).ConfigureAwait(false);
        LastReconciliation = report;
        return report;
    }

    /// <summary>
    /// Reconciles, then runs a pass every <see cref="PositionMonitorOptions.Interval"/> (timed by the
    /// <see cref="TimeProvider"/>) and reconciles again every <see cref="PositionMonitorOptions.ReconcileInterval"/>,
    /// until cancelled. A failing pass is logged and the loop goes on.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, _time);
        var reconciledAt = _time.GetTimestamp();
        try
        {
            await GuardAsync(() => ReconcileAsync(cancellationToken), "reconciliation", cancellationToken).ConfigureAwait(false);
            do
            {
                await GuardAsync(() => RunOnceAsync(cancellationToken), "monitor pass", cancellationToken).ConfigureAwait(false);
                if (_time.GetElapsedTime(reconciledAt) >= _options.ReconcileInterval)
                {
                    reconciledAt = _time.GetTimestamp();
                    await GuardAsync(() => ReconcileAsync(cancellationToken), "reconciliation", cancellationToken).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static bool Count(PositionCloseResult? result, List<Position> closed, HashSet<Guid> agents, ref int skipped, ref int failed)
    {
        if (result is null)
        {
            failed++;
            return false;
        }

        if (result.Outcome is PositionCloseOutcome.Reopened or PositionCloseOutcome.NeedsReconciliation)
        {
            failed++;
            return false;
        }

        if (result.Outcome != PositionCloseOutcome.Closed)
        {
            skipped++;
            return false;
        }

        closed.Add(result.Position!);
        agents.Add(result.AgentId!.Value);
        return true;
    }

    /// <summary>
    /// The price this pass checks a market's positions at, asked once per pass; null (the positions are skipped) when
    /// no position-capable adapter serves the venue, the catalog does not list the market, or the venue gave no price.
    /// </summary>
    private async ValueTask<decimal?> PriceOfAsync(Venue venue, string symbol, Dictionary<(Venue, string), decimal?> quotes, CancellationToken cancellationToken)
    {
        if (quotes.TryGetValue((venue, symbol), out var cached))
        {
            return cached;
        }

        decimal? price = null;
        if (_venues.TryGet(venue, out var adapter) && adapter is IPositionVenue positions && _catalog.TryGet(venue, symbol, out var market))
        {
            try
            {
                price = await positions.GetPriceAsync(market, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "No price for {Symbol} on {Venue}; its positions are not checked this pass", market.Symbol, market.Venue);
            }

            if (price is { } p)
            {
                _prices.Record(market.Venue, market.Symbol, p);
            }
        }

        quotes[(venue, symbol)] = price;
        return price;
    }

    private async Task<PositionCloseResult?> TryAsync(Func<Task<PositionCloseResult>> close, Guid positionId, string token, Venue venue, CancellationToken cancellationToken)
    {
        try
        {
            return await close().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Closing position {PositionId} {Token} on {Venue} failed; it is retried on a later pass", positionId, token, venue);
            return null;
        }
    }

    private async Task GuardAsync<T>(Func<Task<T>> work, string what, CancellationToken cancellationToken)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Position {What} failed; the monitor goes on", what);
        }
    }
}
