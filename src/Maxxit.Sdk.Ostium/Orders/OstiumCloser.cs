using System.Globalization;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>
/// The close side of <see cref="OstiumVenue"/>: finds the position's own trade (never a guess), checks its slot still
/// holds it, and sends <c>closeTradeMarket</c>, or reports the close an earlier attempt already made.
/// </summary>
internal sealed class OstiumCloser
{
    private readonly OstiumOptions _options;
    private readonly OstiumMarkets _markets;
    private readonly OstiumAgentKeys _keys;
    private readonly OstiumAccountChecks _checks;
    private readonly TransactionSender _sender;
    private readonly OstiumOrderTracker _tracker;
    private readonly EthereumAddress _trading;
    private readonly ILogger _logger;

    public OstiumCloser(OstiumOptions options, OstiumMarkets markets, OstiumAgentKeys keys, OstiumAccountChecks checks, TransactionSender sender, OstiumOrderTracker tracker, ILogger logger)
    {
        _options = options;
        _markets = markets;
        _keys = keys;
        _checks = checks;
        _sender = sender;
        _tracker = tracker;
        _logger = logger;
        _trading = EthereumAddress.Parse(options.TradingAddress);
    }

    /// <summary>See <see cref="OstiumVenue.ClosePositionAsync"/>.</summary>
    public async ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken)
    {
        var position = request.Position;
        var trader = OstiumAgentKeys.ParseAddress(request.Deployment.UserWallet, "user_wallet");
        var trade = await TradeOfAsync(position, request.Deployment.UserWallet, cancellationToken).ConfigureAwait(false);
        var slot = await _tracker.SlotAsync(trader, trade, cancellationToken).ConfigureAwait(false);
        if (!slot.Exists || slot.TradeId != trade.TradeId)
        {
            // Gone: an earlier attempt's close may have executed (e.g. before a crash kept it from being recorded).
            // The chain is the journal: report that close with its real exit price instead of "closed elsewhere".
            var start = await _tracker.PositionStartAsync(position.SubmissionId, cancellationToken).ConfigureAwait(false);
            if (await _tracker.LatestCloseOrderAsync(trade.TradeId, start, cancellationToken).ConfigureAwait(false) is { } earlier
                && await _tracker.CloseFateAsync(earlier.OrderId, position.Quantity, earlier.Block, cancellationToken).ConfigureAwait(false) is { Status: OrderFateStatus.Filled } executed)
            {
                _logger.LogInformation("Trade {Trade} was already closed by order {OrderId}; nothing sent", trade, earlier.OrderId);
                return new CloseResult(earlier.OrderId.ToString(CultureInfo.InvariantCulture), executed.AveragePrice, executed.FilledQuantity, executed.FeesUsd);
            }

            throw new OstiumTradeNotFoundException(request.Deployment.UserWallet, trade.ToString(), slot.Exists ? $"the slot now holds trade {slot.TradeId}" : "the slot is empty");
        }

        var price = request.TriggerPrice ?? await _markets.GetPriceAsync(request.Market, cancellationToken).ConfigureAwait(false)
            ?? throw new VenueException(Venue.Ostium, $"no price for {request.Market.VenueSymbol} to close at");
        if (slot.BeingClosed)
        {
            var start = await _tracker.PositionStartAsync(position.SubmissionId, cancellationToken).ConfigureAwait(false);
            if (await _tracker.LatestCloseOrderAsync(trade.TradeId, start, cancellationToken).ConfigureAwait(false) is { } pending)
            {
                _logger.LogInformation("Trade {Trade} already has close order {OrderId} pending; nothing sent", trade, pending.OrderId);
                return new CloseResult(pending.OrderId.ToString(CultureInfo.InvariantCulture), price, 0m, 0m) { Status = OrderStatus.Pending };
            }

            throw new VenueException(Venue.Ostium, $"trade {trade} is being closed but its close order was not found", "wait for the oracle, then reconcile");
        }

        var close = await CloseTradeAsync(request.Deployment, trade.PairIndex, trade.Index, 100m, price, null, cancellationToken).ConfigureAwait(false);
        return new CloseResult(close.OrderId ?? "tx:" + close.TransactionHash, price, 0m, 0m) { Status = OrderStatus.Pending };
    }

    /// <summary>See <see cref="OstiumVenue.CloseTradeAsync"/>.</summary>
    public async Task<OstiumCloseResult> CloseTradeAsync(AgentDeployment deployment, int pairIndex, int tradeIndex, decimal closePercent, decimal marketPrice, IOrderJournal? journal, CancellationToken cancellationToken)
    {
        if (closePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("close_percent", "must be in (0, 100]");
        }

        if (marketPrice <= 0m)
        {
            throw new MaxxitValidationException("market_price", "must be positive");
        }

        if (pairIndex is < 0 or > ushort.MaxValue || tradeIndex is < 0 or > byte.MaxValue)
        {
            throw new MaxxitValidationException(pairIndex is < 0 or > ushort.MaxValue ? "pair_index" : "trade_index", "is out of range");
        }

        var trader = OstiumAgentKeys.ParseAddress(deployment.UserWallet, "user_wallet");
        OstiumAgentKeys.WalletOf(deployment);
        TransactionReceipt receipt;
        if (journal?.PriorSubmissionId is { } prior)
        {
            receipt = await _sender.ResumeAsync(prior, "closeTradeMarket", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _checks.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
            using var key = _keys.KeyOf(deployment);
            var delegated = key.Address != trader;
            var percent = checked((ushort)OstiumUnits.Percent(closePercent));
            if (percent < 100_00)
            {
                var pairsStorage = await _tracker.PairsStorageAsync(cancellationToken).ConfigureAwait(false);
                await _checks.EnsureOracleFeeAllowanceAsync(key, trader, delegated, pairsStorage, (ushort)pairIndex, cancellationToken).ConfigureAwait(false);
            }

            var data = OstiumTradingContract.EncodeCloseTradeMarket(new CloseTradeMarketCall(
                (ushort)pairIndex,
                (byte)tradeIndex,
                percent,
                OstiumUnits.Price(marketPrice),
                OstiumUnits.Percent(_options.SlippagePercent)));
            if (delegated)
            {
                data = OstiumTradingContract.EncodeDelegatedAction(trader, data);
            }

            receipt = await _sender.SendAsync(key, _trading, data, journal, "closeTradeMarket", cancellationToken).ConfigureAwait(false);
        }

        return new OstiumCloseResult(receipt.TransactionHash, OstiumEvents.TryGetOrderId(receipt.Logs, _trading, out var orderId) ? orderId.ToString(CultureInfo.InvariantCulture) : null, marketPrice);
    }

    private async Task<OstiumTradeReference> TradeOfAsync(Position position, string trader, CancellationToken cancellationToken)
    {
        if (OstiumTradeReference.TryParse(position.VenueOrderId, out var reference))
        {
            return reference;
        }

        if (OstiumOrderFates.TryOrderId(position.VenueOrderId, out var orderId))
        {
            var start = await _tracker.PositionStartAsync(position.SubmissionId, cancellationToken).ConfigureAwait(false);
            var fate = await _tracker.OpenFateAsync(orderId, start, cancellationToken).ConfigureAwait(false);
            if (fate is { Status: OrderFateStatus.Filled } && OstiumTradeReference.TryParse(fate.VenueOrderId, out var executed))
            {
                return executed;
            }

            // Cancelled or timed out: there never was a trade. Not answered yet: the trade may still appear, so this is
            // a refusal to retry, never "closed elsewhere".
            throw fate is { Status: OrderFateStatus.Cancelled }
                ? new OstiumTradeNotFoundException(trader, position.VenueOrderId!, fate.Reason ?? "the open was cancelled")
                : new VenueException(Venue.Ostium, $"open order {orderId} of position {position.Id} is not executed yet", "close again once the oracle has answered");
        }

        // Never guess the trade (e.g. by closest collateral): closing the wrong one would be worse than not closing.
        throw new VenueException(Venue.Ostium, $"position {position.Id} has no Ostium trade reference (venue order id '{position.VenueOrderId}')", "confirm the open's fill first, or reconcile the position");
    }
}
