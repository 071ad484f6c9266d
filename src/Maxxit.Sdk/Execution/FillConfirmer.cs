using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// Fill confirmation: claims PENDING_FILL positions whose next check is due (and SUBMITTED ones whose executor is gone),
/// asks their venue what became of the order by client order id (<see cref="IOrderFateVenue"/>), and records the
/// answer: OPEN with the venue's filled quantity, average price and fees; CANCELLED with its reason; still pending
/// (checked again with backoff); or unknown, which after <see cref="MaxxitOptions.MaxUnknownOutcomes"/> answers makes
/// the position NEEDS_RECONCILIATION. Claims are leased and fenced, so several hosts can run it on one store.
/// The position monitor runs it at the start of every pass.
/// </summary>
public sealed class FillConfirmer
{
    private const int BatchSize = 256;
    private readonly IMaxxitStore _store;
    private readonly VenueAdapterRegistry _venues;
    private readonly IMarketCatalog _catalog;
    private readonly MaxxitOptions _options;
    private readonly TimeProvider _time;
    private readonly MaxxitMetrics _metrics;
    private readonly ILogger<FillConfirmer> _logger;

    /// <summary>Creates the confirmer.</summary>
    public FillConfirmer(IMaxxitStore store, VenueAdapterRegistry venues, IMarketCatalog catalog, IOptions<MaxxitOptions> options, TimeProvider time, MaxxitMetrics metrics, ILogger<FillConfirmer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _venues = venues;
        _catalog = catalog;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>How long a claim on a position being confirmed lasts.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an order may stay pending before each further pending answer counts as an unknown outcome (default 1 hour).</summary>
    public TimeSpan PendingTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Checks every due position once; returns the positions whose state changed.</summary>
    public async Task<IReadOnlyList<Position>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var changed = new List<Position>();
        foreach (var status in (PositionStatus[])[PositionStatus.PendingFill, PositionStatus.Submitted])
        {
            while (true)
            {
                var claimed = await _store.ClaimPositionsAsync(status, BatchSize, _time.GetUtcNow(), Lease, cancellationToken).ConfigureAwait(false);
                foreach (var position in claimed)
                {
                    if (await ConfirmAsync(position, cancellationToken).ConfigureAwait(false) is { } updated && updated.Status != position.Status)
                    {
                        changed.Add(updated);
                    }
                }

                if (claimed.Count < BatchSize)
                {
                    break;
                }
            }
        }

        return changed;
    }

    private async Task<Position?> ConfirmAsync(Position position, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!_venues.TryGet(position.Venue, out var adapter) || adapter is not IOrderFateVenue fates || !_catalog.TryGet(position.Venue, position.TokenSymbol, out var market))
        {
            return await UnknownAsync(position, $"{position.Venue.Name} cannot be asked for the fate of order {position.ClientOrderId}").ConfigureAwait(false);
        }

        var deployment = await _store.GetDeploymentAsync(position.DeploymentId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"deployment {position.DeploymentId} of position {position.Id} is missing");
        OrderFate fate;
        try
        {
            fate = await fates.GetOrderFateAsync(new OrderFateQuery
            {
                Position = position,
                Deployment = deployment,
                Market = market,
                Purpose = OrderPurpose.Open,
                ClientOrderId = position.ClientOrderId,
                VenueOrderId = position.VenueOrderId,
                SubmissionId = position.SubmissionId,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Asking {Venue} for order {ClientOrderId} failed; asked again later", position.Venue, position.ClientOrderId);
            return await UnknownAsync(position, $"asking {position.Venue.Name} failed: {ex.Message}").ConfigureAwait(false);
        }

        switch (fate.Status)
        {
            case OrderFateStatus.Filled when fate.FilledQuantity > 0m:
                var signal = await _store.GetSignalAsync(position.SignalId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"signal {position.SignalId} of position {position.Id} is missing");
                var collateral = fate.CollateralUsd > 0m ? fate.CollateralUsd : fate.FilledQuantity * fate.AveragePrice / Math.Max(position.Leverage, 1m);
                var fill = Fills.Open(signal.RiskModel, position.Side, fate.VenueOrderId ?? position.VenueOrderId ?? position.ClientOrderId, fate.FilledQuantity, fate.AveragePrice, position.Leverage, collateral, fate.FeesUsd);
                var opened = await _store.CompleteOpenAsync(position.Id, position.Fence, fill, CancellationToken.None).ConfigureAwait(false);
                _metrics.RecordTrade("confirmed", position.Venue);
                _logger.LogInformation("Order {ClientOrderId} on {Venue} filled: {Quantity} {Token} at {Price}", position.ClientOrderId, position.Venue, fate.FilledQuantity, position.TokenSymbol, fate.AveragePrice);
                return opened;
            case OrderFateStatus.Filled:
            case OrderFateStatus.Cancelled:
                var reason = fate.Reason ?? "cancelled by the venue";
                var cancelled = await _store.EndOpenAsync(position.Id, position.Fence, PositionStatus.Cancelled, reason, CancellationToken.None).ConfigureAwait(false);
                _metrics.RecordTrade("cancelled", position.Venue);
                _logger.LogWarning("Order {ClientOrderId} on {Venue} cancelled: {Reason}", position.ClientOrderId, position.Venue, reason);
                return cancelled;
            case OrderFateStatus.Pending when now - position.OpenedAt > PendingTimeout:
                return await UnknownAsync(position, $"still pending on {position.Venue.Name} after {PendingTimeout}: {fate.Reason}").ConfigureAwait(false);
            case OrderFateStatus.Pending:
                return await _store.MarkPendingFillAsync(position.Id, position.Fence, fate.VenueOrderId, now + FillBackoff.After(position.Attempts + 1), CancellationToken.None).ConfigureAwait(false);
            default:
                return await UnknownAsync(position, fate.Reason ?? $"{position.Venue.Name} does not know order {position.ClientOrderId}").ConfigureAwait(false);
        }
    }

    private async Task<Position?> UnknownAsync(Position position, string reason)
    {
        var recorded = await _store.RecordUnknownOutcomeAsync(position.Id, position.Fence, reason, _options.MaxUnknownOutcomes, _time.GetUtcNow() + FillBackoff.After(position.Attempts + 1), CancellationToken.None).ConfigureAwait(false);
        if (recorded?.Status == PositionStatus.NeedsReconciliation)
        {
            _metrics.RecordTrade("needs_reconciliation", position.Venue);
            _logger.LogError("Position {PositionId} on {Venue} needs reconciliation after {Attempts} unknown outcomes: {Reason}", position.Id, position.Venue, recorded.Attempts, reason);
        }

        return recorded;
    }
}
