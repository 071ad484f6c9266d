using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Positions;

/// <summary>
/// Closes positions exactly once: claim in the store (OPEN → CLOSING under a lease and a fence, with the next close
/// attempt number), close on the venue with that attempt's own client order id
/// (<see cref="ClientOrderId.ForClose"/>), then record CLOSED with exit price, PnL, fees and reason. A close the venue
/// refused or did not fill puts the position back to OPEN, so the next pass tries again under a new attempt id, at
/// most <see cref="PositionMonitorOptions.MaxCloseAttempts"/> times before it needs reconciliation. A close the venue
/// fills later stays CLOSING until its fate is known. A crash after the venue's close leaves the position CLOSING; once
/// the lease lapses, <see cref="ResumeAsync"/> takes it over and asks the venue about the same attempt (or sends it
/// again with the same id) instead of closing twice.
/// </summary>
public sealed class PositionCloser
{
    private readonly IMaxxitStore _store;
    private readonly VenueAdapterRegistry _venues;
    private readonly IMarketCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly PositionMonitorOptions _options;
    private readonly int _maxUnknown;
    private readonly ILogger<PositionCloser> _logger;

    /// <summary>Creates the closer.</summary>
    public PositionCloser(IMaxxitStore store, VenueAdapterRegistry venues, IMarketCatalog catalog, IOptions<PositionMonitorOptions> options, IOptions<MaxxitOptions> sdkOptions, TimeProvider time, ILogger<PositionCloser> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sdkOptions);
        _store = store;
        _venues = venues;
        _catalog = catalog;
        _time = time;
        _options = options.Value;
        _maxUnknown = sdkOptions.Value.MaxUnknownOutcomes;
        _logger = logger;
    }

    /// <summary>Claims an OPEN position and closes it on its venue for <paramref name="reason"/>.</summary>
    /// <exception cref="VenueException">The venue refused the close; the position is OPEN again (or needs reconciliation after too many attempts).</exception>
    /// <exception cref="VenueException">Also, before anything is written, when the position's venue cannot close positions (no <see cref="IPositionVenue"/>) or no longer lists its market.</exception>
    public async Task<PositionCloseResult> CloseAsync(Guid positionId, CloseReason reason, decimal? triggerPrice, CancellationToken cancellationToken)
    {
        // Refuse before claiming when the venue cannot close it: a claim that can never finish would hold the position CLOSING.
        if (await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false) is { } current)
        {
            Resolve(current);
        }

        var claimed = await _store.TryBeginCloseAsync(positionId, _time.GetUtcNow(), _options.CloseLease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return await NotClaimedAsync(positionId, cancellationToken).ConfigureAwait(false);
        }

        return await SendAsync(claimed, reason, triggerPrice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes a position left CLOSING whose lease has lapsed: asks the venue what became of the current attempt when it
    /// can (<see cref="IOrderFateVenue"/>), else sends the same attempt again. The reason was not stored with the claim,
    /// so it is read from the exit price with <see cref="PositionTriggers.Evaluate(Position, decimal)"/> (MANUAL when no rule matches).
    /// </summary>
    public async Task<PositionCloseResult> ResumeAsync(Guid positionId, CancellationToken cancellationToken)
    {
        var claimed = await _store.TryBeginCloseAsync(positionId, _time.GetUtcNow(), _options.CloseLease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return await NotClaimedAsync(positionId, cancellationToken).ConfigureAwait(false);
        }

        var (venue, market) = Resolve(claimed);
        if (venue is IOrderFateVenue fates && claimed.CloseAttempts > 0)
        {
            var deployment = await DeploymentAsync(claimed, cancellationToken).ConfigureAwait(false);
            var fate = await fates.GetOrderFateAsync(new OrderFateQuery
            {
                Position = claimed,
                Deployment = deployment,
                Market = market,
                Purpose = OrderPurpose.Close,
                ClientOrderId = ClientOrderId.ForClose(claimed.Id, claimed.CloseAttempts),
            }, cancellationToken).ConfigureAwait(false);
            switch (fate.Status)
            {
                case OrderFateStatus.Filled when fate.FilledQuantity > 0m:
                    return await CompleteAsync(claimed, deployment, null, new CloseResult(fate.VenueOrderId ?? claimed.ClientOrderId, fate.AveragePrice, fate.FilledQuantity, fate.FeesUsd)).ConfigureAwait(false);
                case OrderFateStatus.Pending:
                    var pending = await _store.MarkClosePendingAsync(claimed.Id, claimed.Fence, _time.GetUtcNow() + _options.CloseLease, CancellationToken.None).ConfigureAwait(false);
                    return new PositionCloseResult(PositionCloseOutcome.Pending, pending ?? claimed, deployment.AgentId);
                case OrderFateStatus.Cancelled or OrderFateStatus.Filled:
                    return await ReopenAsync(claimed, deployment, fate.Reason ?? "close cancelled by the venue").ConfigureAwait(false);
                case OrderFateStatus.Unknown when claimed.ClosePending:
                    return await UnknownAsync(claimed, deployment, fate.Reason ?? "the venue does not know the close").ConfigureAwait(false);
            }
        }

        return await SendAsync(claimed, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a position the venue no longer holds (closed outside the SDK) as CLOSED, reason EXTERNAL, valued at
    /// <paramref name="lastKnownPrice"/>; only the opening fees are known.
    /// </summary>
    public async Task<PositionCloseResult> CloseExternalAsync(Guid positionId, decimal lastKnownPrice, CancellationToken cancellationToken)
    {
        var claimed = await _store.TryBeginCloseAsync(positionId, _time.GetUtcNow(), _options.CloseLease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return await NotClaimedAsync(positionId, cancellationToken).ConfigureAwait(false);
        }

        var deployment = await DeploymentAsync(claimed, cancellationToken).ConfigureAwait(false);
        return await ExternalAsync(claimed, deployment, lastKnownPrice, "closed outside the SDK").ConfigureAwait(false);
    }

    private async Task<PositionCloseResult> SendAsync(Position claimed, CloseReason? reason, decimal? triggerPrice, CancellationToken cancellationToken)
    {
        var deployment = await DeploymentAsync(claimed, cancellationToken).ConfigureAwait(false);
        var (venue, market) = Resolve(claimed);
        var request = new CloseRequest
        {
            Position = claimed,
            Deployment = deployment,
            Market = market,
            ClientOrderId = ClientOrderId.ForClose(claimed.Id, Math.Max(claimed.CloseAttempts, 1)),
            TriggerPrice = triggerPrice,
        };
        CloseResult result;
        try
        {
            result = await venue.ClosePositionAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PositionNotOnVenueException ex)
        {
            // Retrying cannot succeed: the venue no longer holds it. Record it as closed outside this close, at the best
            // price known, instead of leaving it CLOSING for ever.
            var price = await venue.GetPriceAsync(market, cancellationToken).ConfigureAwait(false) ?? claimed.Trailing?.BestPrice ?? claimed.EntryPrice;
            return await ExternalAsync(claimed, deployment, price, ex.VenueMessage).ConfigureAwait(false);
        }
        catch (VenueException ex)
        {
            // Refused or not filled (an IOC that found no liquidity): the position is still open on the venue. Reopen it
            // so the next pass retries under a new attempt id, and the stops stay enforced meanwhile.
            var reopened = await ReopenAsync(claimed, deployment, ex.Message).ConfigureAwait(false);
            if (reopened.Outcome == PositionCloseOutcome.NeedsReconciliation)
            {
                return reopened;
            }

            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unknown: the position stays CLOSING under a claim until the retry time; resuming asks about (or resends) the same attempt.
            await UnknownAsync(claimed, deployment, $"close outcome unknown ({ex.GetType().Name})").ConfigureAwait(false);
            throw;
        }

        if (result.Status != OrderStatus.Filled)
        {
            var pending = await _store.MarkClosePendingAsync(claimed.Id, claimed.Fence, _time.GetUtcNow() + _options.CloseLease, CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation("Close of position {PositionId} {Token} on {Venue} accepted; fill pending", claimed.Id, claimed.TokenSymbol, claimed.Venue);
            return new PositionCloseResult(PositionCloseOutcome.Pending, pending ?? claimed, deployment.AgentId);
        }

        return await CompleteAsync(claimed, deployment, reason, result).ConfigureAwait(false);
    }

    private async Task<PositionCloseResult> CompleteAsync(Position claimed, AgentDeployment deployment, CloseReason? reason, CloseResult result)
    {
        if (result.ClosedQuantity != claimed.Quantity)
        {
            _logger.LogWarning("Position {PositionId}: venue closed {Closed}, the store holds {Quantity}", claimed.Id, result.ClosedQuantity, claimed.Quantity);
        }

        var finalReason = reason ?? PositionTriggers.Evaluate(claimed, result.ExitPrice) ?? CloseReason.Manual;
        var pnl = PositionPnl.Realized(claimed, result.ExitPrice, result.FeesUsd);
        var close = new PositionClose(result.ExitPrice, pnl, claimed.FeesUsd + result.FeesUsd, finalReason, _time.GetUtcNow());

        // The venue has closed: the record must be written even if the caller gives up now.
        var closed = await _store.CompleteCloseAsync(claimed.Id, claimed.Fence, close, CancellationToken.None).ConfigureAwait(false);
        if (closed is null)
        {
            _logger.LogWarning("Close of position {PositionId} under fence {Fence} refused: a newer closer holds it", claimed.Id, claimed.Fence);
            return await NotClaimedAsync(claimed.Id, CancellationToken.None).ConfigureAwait(false);
        }

        _logger.LogInformation("Closed position {PositionId} {Token} {Side} on {Venue} at {Exit} ({Reason}), PnL {Pnl}", closed.Id, closed.TokenSymbol, closed.Side, closed.Venue, result.ExitPrice, finalReason, pnl);
        return new PositionCloseResult(PositionCloseOutcome.Closed, closed, deployment.AgentId);
    }

    private async Task<PositionCloseResult> ExternalAsync(Position claimed, AgentDeployment deployment, decimal price, string why)
    {
        _logger.LogWarning("Position {PositionId} {Token} on {Venue}: {Message}; recorded EXTERNAL at {Price}", claimed.Id, claimed.TokenSymbol, claimed.Venue, why, price);
        var closed = await _store.CompleteCloseAsync(claimed.Id, claimed.Fence, new PositionClose(price, PositionPnl.Realized(claimed, price, 0m), claimed.FeesUsd, CloseReason.External, _time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return closed is null
            ? await NotClaimedAsync(claimed.Id, CancellationToken.None).ConfigureAwait(false)
            : new PositionCloseResult(PositionCloseOutcome.Closed, closed, deployment.AgentId);
    }

    private async Task<PositionCloseResult> ReopenAsync(Position claimed, AgentDeployment deployment, string reason)
    {
        if (claimed.CloseAttempts >= _options.MaxCloseAttempts)
        {
            var stuck = await _store.RecordUnknownOutcomeAsync(claimed.Id, claimed.Fence, $"close attempt {claimed.CloseAttempts} of {_options.MaxCloseAttempts} failed: {reason}", 1, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            _logger.LogError("Position {PositionId} on {Venue} needs reconciliation: {Attempts} close attempts failed, last: {Reason}", claimed.Id, claimed.Venue, claimed.CloseAttempts, reason);
            return new PositionCloseResult(PositionCloseOutcome.NeedsReconciliation, stuck ?? claimed, deployment.AgentId);
        }

        var reopened = await _store.ReopenAsync(claimed.Id, claimed.Fence, reason, CancellationToken.None).ConfigureAwait(false);
        _logger.LogWarning("Close attempt {Attempt} of position {PositionId} on {Venue} did not close it ({Reason}); the position is OPEN again", claimed.CloseAttempts, claimed.Id, claimed.Venue, reason);
        return new PositionCloseResult(PositionCloseOutcome.Reopened, reopened ?? claimed, deployment.AgentId);
    }

    private async Task<PositionCloseResult> UnknownAsync(Position claimed, AgentDeployment deployment, string reason)
    {
        var recorded = await _store.RecordUnknownOutcomeAsync(claimed.Id, claimed.Fence, reason, _maxUnknown, _time.GetUtcNow() + _options.CloseLease, CancellationToken.None).ConfigureAwait(false);
        return recorded?.Status == PositionStatus.NeedsReconciliation
            ? new PositionCloseResult(PositionCloseOutcome.NeedsReconciliation, recorded, deployment.AgentId)
            : new PositionCloseResult(PositionCloseOutcome.Pending, recorded ?? claimed, deployment.AgentId);
    }

    private async Task<PositionCloseResult> NotClaimedAsync(Guid positionId, CancellationToken cancellationToken) =>
        new(PositionCloseOutcome.NotClaimed, await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false), null);

    private (IPositionVenue Venue, MarketInfo Market) Resolve(Position position)
    {
        if (!_venues.TryGet(position.Venue, out var adapter) || adapter is not IPositionVenue venue)
        {
            throw new VenueException(position.Venue, "this venue's adapter cannot close positions", "register an adapter that implements IPositionVenue");
        }

        if (!_catalog.TryGet(position.Venue, position.TokenSymbol, out var market))
        {
            throw new VenueException(position.Venue, $"{position.TokenSymbol} is not listed", "the market catalog has no such market; it may have been delisted");
        }

        return (venue, market);
    }

    private async Task<AgentDeployment> DeploymentAsync(Position position, CancellationToken cancellationToken) =>
        await _store.GetDeploymentAsync(position.DeploymentId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"deployment {position.DeploymentId} of position {position.Id} is missing");
}
