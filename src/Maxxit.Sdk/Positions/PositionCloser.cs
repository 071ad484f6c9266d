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
/// Closes positions exactly once: claim in the store (OPEN → CLOSING under a lease), close on the venue with the
/// deterministic close client order id, then record CLOSED with exit price, PnL, fees and reason. A crash after the
/// venue's close leaves the position CLOSING; once the lease lapses, <see cref="ResumeAsync"/> claims it again and the
/// venue, asked with the same client order id, answers with the first close instead of closing twice.
/// </summary>
public sealed class PositionCloser
{
    private readonly IMaxxitStore _store;
    private readonly VenueAdapterRegistry _venues;
    private readonly IMarketCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lease;
    private readonly ILogger<PositionCloser> _logger;

    /// <summary>Creates the closer.</summary>
    public PositionCloser(IMaxxitStore store, VenueAdapterRegistry venues, IMarketCatalog catalog, IOptions<PositionMonitorOptions> options, TimeProvider time, ILogger<PositionCloser> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _venues = venues;
        _catalog = catalog;
        _time = time;
        _lease = options.Value.CloseLease;
        _logger = logger;
    }

    /// <summary>Claims an OPEN position and closes it on its venue for <paramref name="reason"/>.</summary>
    /// <exception cref="VenueException">The venue refused the close; the position stays CLOSING and is retried after the lease.</exception>
    /// <exception cref="VenueException">Also, before anything is written, when the position's venue cannot close positions (no <see cref="IPositionVenue"/>) or no longer lists its market.</exception>
    public async Task<PositionCloseResult> CloseAsync(Guid positionId, CloseReason reason, decimal? triggerPrice, CancellationToken cancellationToken)
    {
        // Refuse before claiming when the venue cannot close it: a claim that can never finish would hold the position CLOSING.
        if (await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false) is { } current)
        {
            Resolve(current);
        }

        var claimed = await _store.TryBeginCloseAsync(positionId, _time.GetUtcNow(), _lease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return new PositionCloseResult(PositionCloseOutcome.NotClaimed, await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false), null);
        }

        return await FinishAsync(claimed, reason, triggerPrice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes a position left CLOSING whose lease has lapsed. The reason was not stored with the claim, so it is
    /// read from the exit price with <see cref="PositionTriggers.Evaluate"/> (MANUAL when no rule matches that price).
    /// </summary>
    public async Task<PositionCloseResult> ResumeAsync(Guid positionId, CancellationToken cancellationToken)
    {
        var claimed = await _store.TryBeginCloseAsync(positionId, _time.GetUtcNow(), _lease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return new PositionCloseResult(PositionCloseOutcome.NotClaimed, await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false), null);
        }

        return await FinishAsync(claimed, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a position the venue no longer holds (closed outside the SDK) as CLOSED, reason EXTERNAL, valued at
    /// <paramref name="lastKnownPrice"/>; only the opening fees are known.
    /// </summary>
    public async Task<PositionCloseResult> CloseExternalAsync(Guid positionId, decimal lastKnownPrice, CancellationToken cancellationToken)
    {
        var claimed = await _store.TryBeginCloseAsync(positionId, _time.GetUtcNow(), _lease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return new PositionCloseResult(PositionCloseOutcome.NotClaimed, await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false), null);
        }

        var deployment = await DeploymentAsync(claimed, cancellationToken).ConfigureAwait(false);
        var pnl = PositionPnl.Realized(claimed, lastKnownPrice, 0m);
        var closed = await _store.CompleteCloseAsync(claimed.Id, new PositionClose(lastKnownPrice, pnl, claimed.FeesUsd, CloseReason.External, _time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        _logger.LogWarning("Position {PositionId} {Token} on {Venue} was closed outside the SDK; recorded EXTERNAL at last known price {Price}", claimed.Id, claimed.TokenSymbol, claimed.Venue, lastKnownPrice);
        return new PositionCloseResult(PositionCloseOutcome.Closed, closed, deployment.AgentId);
    }

    private async Task<PositionCloseResult> FinishAsync(Position claimed, CloseReason? reason, decimal? triggerPrice, CancellationToken cancellationToken)
    {
        var deployment = await DeploymentAsync(claimed, cancellationToken).ConfigureAwait(false);
        var (venue, market) = Resolve(claimed);

        var request = new CloseRequest
        {
            Position = claimed,
            Deployment = deployment,
            Market = market,
            ClientOrderId = ClientOrderId.For(claimed.SignalId, claimed.DeploymentId, ClientOrderId.Close),
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
            _logger.LogWarning("Position {PositionId} {Token} on {Venue}: {Message}; recorded EXTERNAL at {Price}", claimed.Id, claimed.TokenSymbol, claimed.Venue, ex.VenueMessage, price);
            var external = await _store.CompleteCloseAsync(claimed.Id, new PositionClose(price, PositionPnl.Realized(claimed, price, 0m), claimed.FeesUsd, CloseReason.External, _time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
            return new PositionCloseResult(PositionCloseOutcome.Closed, external, deployment.AgentId);
        }

        if (result.ClosedQuantity != claimed.Quantity)
        {
            _logger.LogWarning("Position {PositionId}: venue closed {Closed}, the store holds {Quantity}", claimed.Id, result.ClosedQuantity, claimed.Quantity);
        }

        var finalReason = reason ?? PositionTriggers.Evaluate(claimed, result.ExitPrice) ?? CloseReason.Manual;
        var pnl = PositionPnl.Realized(claimed, result.ExitPrice, result.FeesUsd);
        var close = new PositionClose(result.ExitPrice, pnl, claimed.FeesUsd + result.FeesUsd, finalReason, _time.GetUtcNow());

        // The venue has closed: the record must be written even if the caller gives up now.
        var closed = await _store.CompleteCloseAsync(claimed.Id, close, CancellationToken.None).ConfigureAwait(false);
        _logger.LogInformation("Closed position {PositionId} {Token} {Side} on {Venue} at {Exit} ({Reason}), PnL {Pnl}", closed.Id, closed.TokenSymbol, closed.Side, closed.Venue, result.ExitPrice, finalReason, pnl);
        return new PositionCloseResult(PositionCloseOutcome.Closed, closed, deployment.AgentId);
    }

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
