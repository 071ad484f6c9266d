using System.Globalization;
using System.Numerics;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>
/// The reads behind <see cref="OstiumVenue.GetOrderFateAsync"/>: the transaction by its journaled hash, then the
/// order's events; an order past the contract's timeout goes to the timeout queue.
/// </summary>
internal sealed class OstiumOrderFates(EthereumRpcClient rpc, OstiumOrderTracker tracker, OstiumTimeoutQueue timeouts, EthereumAddress trading)
{
    public async Task<OrderFate> ReadAsync(OrderFateQuery query, CancellationToken cancellationToken)
    {
        var close = query.Purpose == OrderPurpose.Close;
        var located = await LocateOrderAsync(query, cancellationToken).ConfigureAwait(false);
        if (located.Fate is { } settled)
        {
            return settled;
        }

        var (orderId, fromBlock) = (located.OrderId, located.FromBlock);
        var fate = close
            ? await tracker.CloseFateAsync(orderId, query.Position.Quantity, fromBlock, cancellationToken).ConfigureAwait(false)
            : await tracker.OpenFateAsync(orderId, fromBlock, cancellationToken).ConfigureAwait(false);
        if (fate is not null)
        {
            return fate;
        }

        var pending = await tracker.PendingOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (pending.Block == 0)
        {
            // Not pending any more: the callback may have landed between the two reads; ask once more.
            fate = close
                ? await tracker.CloseFateAsync(orderId, query.Position.Quantity, fromBlock, cancellationToken).ConfigureAwait(false)
                : await tracker.OpenFateAsync(orderId, fromBlock, cancellationToken).ConfigureAwait(false);
            return fate ?? OrderFate.Unknown($"OSTIUM: order {orderId} is not pending and no callback event names it since block {fromBlock}");
        }

        var timeout = await tracker.MarketOrdersTimeoutAsync(cancellationToken).ConfigureAwait(false);
        var latest = await rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        if (latest >= pending.Block + timeout)
        {
            timeouts.Add(new OstiumTimeoutRequest(query.Deployment, orderId, close));
            return OrderFate.Pending(string.Create(CultureInfo.InvariantCulture, $"OSTIUM: the oracle has not answered order {orderId} for {latest - pending.Block} blocks (timeout {timeout}); its timeout call is queued"));
        }

        return OrderFate.Pending(string.Create(CultureInfo.InvariantCulture, $"OSTIUM: order {orderId} waits for the oracle since block {pending.Block}"));
    }

    // The order behind a fate query: its id and the block to search its events from, or the fate already known from the
    // transaction itself (reverted, never mined, not mined yet).
    private async Task<(OrderFate? Fate, BigInteger OrderId, ulong FromBlock)> LocateOrderAsync(OrderFateQuery query, CancellationToken cancellationToken)
    {
        var close = query.Purpose == OrderPurpose.Close;
        string? hash = null;
        byte[]? raw = null;
        var journaled = query.SubmissionId is { } s && OstiumSubmission.TryParse(s, out hash, out raw);
        var what = close ? "close" : "open";

        // A submission of the other kind (e.g. the open's journal entry handed along with a close query) says nothing
        // about this order.
        if (journaled && raw is not null && IsCloseCall(raw) is { } rawIsClose && rawIsClose != close)
        {
            journaled = false;
        }

        if (journaled)
        {
            var receipt = await rpc.GetTransactionReceiptAsync(hash!, cancellationToken).ConfigureAwait(false);
            if (receipt is null)
            {
                if (raw is not null || !close)
                {
                    return (await UnminedFateAsync(hash!, raw, what, cancellationToken).ConfigureAwait(false), default, 0);
                }
            }
            else if (IsCloseReceipt(receipt) is { } receiptIsClose && receiptIsClose != close)
            {
                // Not this order's transaction: fall through to the venue order id.
            }
            else if (!receipt.Succeeded)
            {
                return (OrderFate.Cancelled($"OSTIUM: the {what} transaction {hash} reverted; nothing was placed"), default, 0);
            }
            else if (OstiumEvents.TryGetOrderId(receipt.Logs, trading, out var fromReceipt))
            {
                return (null, fromReceipt, receipt.BlockNumber);
            }
        }

        var start = await tracker.PositionStartAsync(query.Position.SubmissionId, cancellationToken).ConfigureAwait(false);
        var venueOrderId = query.VenueOrderId;
        if (!close)
        {
            if (OstiumTradeReference.TryParse(venueOrderId, out var filled))
            {
                return (null, filled.TradeId, start);
            }

            return TryOrderId(venueOrderId, out var id)
                ? (null, id, start)
                : (OrderFate.Unknown($"OSTIUM: no order id for the open (venue order id '{venueOrderId}', submission {(journaled ? hash : "none")})"), default, 0);
        }

        if (TryOrderId(venueOrderId, out var closeId))
        {
            return (null, closeId, start);
        }

        // The position's trade, not the close order: the close is the latest one initiated for that trade.
        if ((OstiumTradeReference.TryParse(venueOrderId, out var trade) || OstiumTradeReference.TryParse(query.Position.VenueOrderId, out trade))
            && await tracker.LatestCloseOrderAsync(trade.TradeId, start, cancellationToken).ConfigureAwait(false) is { } latest)
        {
            return (null, latest.OrderId, latest.Block);
        }

        return (OrderFate.Unknown($"OSTIUM: no close order found for venue order id '{venueOrderId}'"), default, 0);
    }

    private async Task<OrderFate> UnminedFateAsync(string hash, byte[]? raw, string what, CancellationToken cancellationToken)
    {
        if (await rpc.GetTransactionAsync(hash, cancellationToken).ConfigureAwait(false) is not null)
        {
            return OrderFate.Pending($"OSTIUM: the {what} transaction {hash} is not mined yet");
        }

        if (raw is not null)
        {
            var signed = Maxxit.Sdk.Ethereum.Transactions.SignedTransaction.Parse(Maxxit.Sdk.Ethereum.Hex.Encode(raw));
            var mined = await rpc.GetTransactionCountAsync(signed.Sender, cancellationToken, "latest").ConfigureAwait(false);
            if (mined > signed.Transaction.Nonce && await rpc.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false) is null)
            {
                return OrderFate.Cancelled(string.Create(CultureInfo.InvariantCulture, $"OSTIUM: the {what} transaction {hash} was never mined: nonce {signed.Transaction.Nonce} of {signed.Sender} was used by another transaction"));
            }
        }

        return OrderFate.Unknown($"OSTIUM: the node does not know the {what} transaction {hash}; re-running the order rebroadcasts the journaled bytes");
    }

    public static bool TryOrderId(string? text, out BigInteger orderId)
    {
        orderId = default;
        return text is { Length: > 0 and <= 78 } && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out orderId);
    }

    private static bool? IsCloseCall(byte[] raw)
    {
        try
        {
            var data = Maxxit.Sdk.Ethereum.Transactions.SignedTransaction.Parse(Hex.Encode(raw)).Transaction.Data.ToArray();
            if (OstiumTradingContract.IsCallTo(OstiumTradingContract.DelegatedAction, data))
            {
                data = OstiumTradingContract.DecodeDelegatedAction(data).InnerCallData;
            }

            return OstiumTradingContract.IsCallTo(OstiumTradingContract.CloseTradeMarket, data) ? true
                : OstiumTradingContract.IsCallTo(OstiumTradingContract.OpenTrade, data) ? false
                : null;
        }
        catch (EthereumFormatException)
        {
            return null;
        }
    }

    private bool? IsCloseReceipt(TransactionReceipt receipt)
    {
        var fromTrading = receipt.Logs.Where(l => l.Address == trading).ToList();
        return fromTrading.Any(l => OstiumEvents.MarketCloseOrderInitiatedV2.Matches(l.Topics)) ? true
            : fromTrading.Any(l => OstiumEvents.MarketOpenOrderInitiated.Matches(l.Topics)) ? false
            : null;
    }
}
