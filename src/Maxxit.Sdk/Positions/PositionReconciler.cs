using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Metrics;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Positions;

/// <summary>
/// Compares the store's OPEN positions with each venue's account state, per deployment and market (net signed
/// quantity). The venue holding nothing where the store has OPEN positions means they were closed outside the SDK:
/// they become CLOSED, reason EXTERNAL, valued at the last known price (unless one of them is younger than
/// <see cref="PositionMonitorOptions.ReconcileGracePeriod"/>). Any other difference is reported, not guessed.
/// </summary>
public sealed class PositionReconciler
{
    private readonly IMaxxitStore _store;
    private readonly VenueAdapterRegistry _venues;
    private readonly IMarketCatalog _catalog;
    private readonly PositionCloser _closer;
    private readonly PositionPriceBook _prices;
    private readonly AgentMetricsUpdater _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _grace;
    private readonly ILogger<PositionReconciler> _logger;

    /// <summary>Creates the reconciler.</summary>
    public PositionReconciler(IMaxxitStore store, VenueAdapterRegistry venues, IMarketCatalog catalog, PositionCloser closer, PositionPriceBook prices, AgentMetricsUpdater metrics, IOptions<PositionMonitorOptions> options, TimeProvider time, ILogger<PositionReconciler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grace = options.Value.ReconcileGracePeriod;
        _store = store;
        _venues = venues;
        _catalog = catalog;
        _closer = closer;
        _prices = prices;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs one reconciliation over every deployment of every agent and every venue that manages positions.</summary>
    public async Task<ReconciliationReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        if (!_catalog.IsLoaded)
        {
            await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        // The store is read before the venues: a position OPEN here was on the venue before we asked it.
        var tracked = (await AllAsync(PositionStatus.Open, cancellationToken).ConfigureAwait(false)).ToLookup(p => (p.DeploymentId, p.Venue));
        var inFlight = new HashSet<(Guid, Venue, string)>();
        foreach (var status in (PositionStatus[])[PositionStatus.Reserved, PositionStatus.Submitted, PositionStatus.PendingFill, PositionStatus.Closing, PositionStatus.NeedsReconciliation])
        {
            inFlight.UnionWith((await AllAsync(status, cancellationToken).ConfigureAwait(false)).Select(p => (p.DeploymentId, p.Venue, p.TokenSymbol)));
        }

        var deployments = await _store.ListAllDeploymentsAsync(cancellationToken).ConfigureAwait(false);
        var freshAfter = _time.GetUtcNow() - _grace;
        var venues = _venues.Adapters.OfType<IPositionVenue>().Select(v => (((IVenueAdapter)v).Venue, Api: v)).ToList();

        int accounts = 0, matched = 0;
        var external = new List<Position>();
        var mismatches = new List<ReconciliationMismatch>();
        var agents = new HashSet<Guid>();
        foreach (var deployment in deployments)
        {
            foreach (var (venue, api) in venues)
            {
                var ours = tracked[(deployment.Id, venue)].ToList();
                IReadOnlyList<VenuePosition> theirs;
                try
                {
                    theirs = await api.GetOpenPositionsAsync(deployment, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    if (ours.Count > 0)
                    {
                        mismatches.Add(new ReconciliationMismatch(deployment.Id, venue, null, ReconciliationMismatchKind.VenueError, Net(ours), 0m, $"could not read the account: {ex.Message}"));
                    }

                    continue;
                }

                accounts++;
                foreach (var symbol in ours.Select(p => p.TokenSymbol).Union(theirs.Select(p => p.Symbol)).Distinct())
                {
                    if (inFlight.Contains((deployment.Id, venue, symbol)))
                    {
                        continue;
                    }

                    var mine = ours.Where(p => p.TokenSymbol == symbol).ToList();
                    var venueNet = theirs.Where(p => p.Symbol == symbol).Sum(p => p.Side == TradeSide.Long ? p.Quantity : -p.Quantity);
                    var storeNet = Net(mine);
                    if (storeNet == venueNet)
                    {
                        matched++;
                    }
                    else if (venueNet == 0m && mine.Any(p => p.OpenedAt > freshAfter))
                    {
                        // Too fresh to conclude anything: the venue may not show the fill yet. Looked at again next time.
                    }
                    else if (venueNet == 0m)
                    {
                        foreach (var position in mine)
                        {
                            var closed = await CloseExternalAsync(position, api, cancellationToken).ConfigureAwait(false);
                            if (closed.Outcome == PositionCloseOutcome.Closed)
                            {
                                external.Add(closed.Position!);
                                agents.Add(closed.AgentId!.Value);
                            }
                        }
                    }
                    else
                    {
                        var kind = mine.Count == 0 ? ReconciliationMismatchKind.UntrackedOnVenue : ReconciliationMismatchKind.QuantityMismatch;
                        mismatches.Add(new ReconciliationMismatch(deployment.Id, venue, symbol, kind, storeNet, venueNet, $"store holds {storeNet} {symbol}, {venue.Name} holds {venueNet}"));
                    }
                }
            }
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

        foreach (var m in mismatches)
        {
            _logger.LogWarning("Reconciliation mismatch ({Kind}) for deployment {DeploymentId} on {Venue}: {Detail}", m.Kind, m.DeploymentId, m.Venue, m.Detail);
        }

        return new ReconciliationReport(_time.GetUtcNow(), accounts, matched, external, mismatches);
    }

    private static decimal Net(IEnumerable<Position> positions) => positions.Sum(p => p.Side == TradeSide.Long ? p.Quantity : -p.Quantity);

    private async Task<PositionCloseResult> CloseExternalAsync(Position position, IPositionVenue api, CancellationToken cancellationToken)
    {
        var price = _prices.TryGet(position.Venue, position.TokenSymbol);
        if (price is null && _catalog.TryGet(position.Venue, position.TokenSymbol, out var market))
        {
            price = await api.GetPriceAsync(market, cancellationToken).ConfigureAwait(false);
        }

        return await _closer.CloseExternalAsync(position.Id, price ?? position.EntryPrice, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<Position>> AllAsync(PositionStatus status, CancellationToken cancellationToken)
    {
        var all = new List<Position>();
        await foreach (var position in _store.AllAsync(status, 1_000, 0, 1, cancellationToken).ConfigureAwait(false))
        {
            all.Add(position);
        }

        return all;
    }
}
