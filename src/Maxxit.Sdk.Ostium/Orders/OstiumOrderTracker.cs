using System.Globalization;
using System.Numerics;
using System.Text;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Abi;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>
/// Reads what the contracts did with a market order: the callbacks' <c>MarketOpenExecuted</c>/<c>MarketOpenCanceled</c>
/// or <c>MarketCloseExecutedV2</c>/<c>MarketCloseCanceled</c> (with the fee events of the same order), or Trading's
/// timeout events, found with <c>eth_getLogs</c> by the order id topic. Reads only.
/// </summary>
internal sealed class OstiumOrderTracker(EthereumRpcClient rpc, OstiumOptions options)
{
    private readonly EthereumAddress _trading = EthereumAddress.Parse(options.TradingAddress);
    private readonly EthereumAddress _tradingStorage = EthereumAddress.Parse(options.TradingStorageAddress);
    private EthereumAddress? _callbacks = options.TradingCallbacksAddress is { } configured ? EthereumAddress.Parse(configured) : null;
    private EthereumAddress? _pairsStorage;

    /// <summary>The Trading Callbacks contract: from the options, else from the registry (<c>callbacks</c>).</summary>
    public async Task<EthereumAddress> CallbacksAsync(CancellationToken cancellationToken) =>
        _callbacks ??= await RegistryAddressAsync("callbacks", cancellationToken).ConfigureAwait(false);

    /// <summary>The PairsStorage contract, from the registry (<c>pairsStorage</c>).</summary>
    public async Task<EthereumAddress> PairsStorageAsync(CancellationToken cancellationToken) =>
        _pairsStorage ??= await RegistryAddressAsync("pairsStorage", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The first block to search a position's events from: the block of its open transaction (journaled as the position's
    /// submission) when the node has its receipt, else <see cref="LookbackStartAsync"/>.
    /// </summary>
    public async Task<ulong> PositionStartAsync(string? openSubmission, CancellationToken cancellationToken)
    {
        if (OstiumSubmission.TryParse(openSubmission, out var hash, out _)
            && await rpc.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false) is { } receipt)
        {
            return receipt.BlockNumber;
        }

        return await LookbackStartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first block to search logs from when the order's own block is unknown.</summary>
    public async Task<ulong> LookbackStartAsync(CancellationToken cancellationToken)
    {
        var latest = await rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        return latest > options.LogLookbackBlocks ? latest - options.LogLookbackBlocks : 0;
    }

    /// <summary>What became of a market open; null when no callback or timeout event names the order yet.</summary>
    public async Task<OrderFate?> OpenFateAsync(BigInteger orderId, ulong fromBlock, CancellationToken cancellationToken)
    {
        var id = Word(orderId);
        var callbacks = await CallbacksAsync(cancellationToken).ConfigureAwait(false);
        var logs = await rpc.GetLogsAsync(
            callbacks,
            [Topics(OstiumEvents.MarketOpenExecuted, OstiumEvents.MarketOpenCanceled, OstiumEvents.DevFeeCharged, OstiumEvents.VaultOpeningFeeCharged, OstiumEvents.OracleFeeCharged), [id]],
            fromBlock,
            cancellationToken).ConfigureAwait(false);
        var fees = Sum(logs, OstiumEvents.DevFeeCharged) + Sum(logs, OstiumEvents.VaultOpeningFeeCharged);
        foreach (var log in logs)
        {
            if (OstiumEvents.MarketOpenExecuted.Matches(log.Topics))
            {
                var v = OstiumEvents.MarketOpenExecuted.DecodeLog(log.Topics, log.Data);
                var trade = OstiumEvents.DecodeTrade((object?[])v[1]!);
                var notional = (BigInteger)v[3]!;
                var reference = new OstiumTradeReference(trade.PairIndex, trade.Index, orderId);
                return OrderFate.Filled(
                    OstiumUnits.FromScaled(notional, OstiumUnits.PriceDecimals),
                    OstiumUnits.FromScaled(trade.OpenPrice, OstiumUnits.PriceDecimals),
                    OstiumUnits.FromScaled(fees, OstiumUnits.UsdcDecimals),
                    reference.ToString()) with { CollateralUsd = OstiumUnits.FromScaled(trade.Collateral, OstiumUnits.UsdcDecimals) };
            }

            if (OstiumEvents.MarketOpenCanceled.Matches(log.Topics))
            {
                var reason = (OstiumCancelReason)(int)(BigInteger)OstiumEvents.MarketOpenCanceled.DecodeLog(log.Topics, log.Data)[3]!;
                var oracleFee = OstiumUnits.FromScaled(Sum(logs, OstiumEvents.OracleFeeCharged), OstiumUnits.UsdcDecimals);
                return OrderFate.Cancelled(string.Create(CultureInfo.InvariantCulture, $"OSTIUM: open cancelled by the oracle callback: {OstiumEvents.ContractName(reason)}; collateral refunded less the oracle fee {oracleFee} USDC"));
            }
        }

        var timeouts = await rpc.GetLogsAsync(_trading, [Topics(OstiumEvents.MarketOpenTimeoutExecutedV2, OstiumEvents.MarketOpenTimeoutExecuted), [id]], fromBlock, cancellationToken).ConfigureAwait(false);
        return timeouts.Count > 0
            ? OrderFate.Cancelled("OSTIUM: the oracle never answered the open; it was timed out (openTradeMarketTimeout) and the collateral refunded")
            : null;
    }

    /// <summary>What became of a market close; null when no callback or timeout event names the order yet.</summary>
    public async Task<OrderFate?> CloseFateAsync(BigInteger orderId, decimal openQuantity, ulong fromBlock, CancellationToken cancellationToken)
    {
        var id = Word(orderId);
        var callbacks = await CallbacksAsync(cancellationToken).ConfigureAwait(false);
        var logs = await rpc.GetLogsAsync(
            callbacks,
            [Topics(OstiumEvents.MarketCloseExecutedV2, OstiumEvents.MarketCloseExecuted, OstiumEvents.MarketCloseCanceled, OstiumEvents.FeesCharged), [id]],
            fromBlock,
            cancellationToken).ConfigureAwait(false);
        var fees = BigInteger.Zero;
        foreach (var log in logs.Where(l => OstiumEvents.FeesCharged.Matches(l.Topics)))
        {
            var v = OstiumEvents.FeesCharged.DecodeLog(log.Topics, log.Data);
            fees += (BigInteger)v[3]! + (BigInteger)v[4]!;
        }

        foreach (var log in logs)
        {
            var v2 = OstiumEvents.MarketCloseExecutedV2.Matches(log.Topics);
            if (v2 || OstiumEvents.MarketCloseExecuted.Matches(log.Topics))
            {
                var v = (v2 ? OstiumEvents.MarketCloseExecutedV2 : OstiumEvents.MarketCloseExecuted).DecodeLog(log.Topics, log.Data);
                var percent = v2 ? (BigInteger)v[6]! : new BigInteger(100_00);
                var price = OstiumUnits.FromScaled((BigInteger)v[2]!, OstiumUnits.PriceDecimals);
                var quantity = percent == 100_00 ? openQuantity : decimal.Round(openQuantity * OstiumUnits.FromScaled(percent, OstiumUnits.PercentDecimals) / 100m, 18);
                var feesUsd = fees.Sign < 0 ? -OstiumUnits.FromScaled(-fees, OstiumUnits.UsdcDecimals) : OstiumUnits.FromScaled(fees, OstiumUnits.UsdcDecimals);
                // No venue order id: the position keeps its trade reference (a partial close leaves the trade open).
                return OrderFate.Filled(quantity, price, feesUsd);
            }

            if (OstiumEvents.MarketCloseCanceled.Matches(log.Topics))
            {
                var reason = (OstiumCancelReason)(int)(BigInteger)OstiumEvents.MarketCloseCanceled.DecodeLog(log.Topics, log.Data)[5]!;
                return OrderFate.Cancelled($"OSTIUM: close cancelled by the oracle callback: {OstiumEvents.ContractName(reason)}; the trade stays open");
            }
        }

        var timeouts = await rpc.GetLogsAsync(_trading, [Topics(OstiumEvents.MarketCloseTimeoutExecutedV2, OstiumEvents.MarketCloseTimeoutExecuted), [id]], fromBlock, cancellationToken).ConfigureAwait(false);
        return timeouts.Count > 0
            ? OrderFate.Cancelled("OSTIUM: the oracle never answered the close; it was timed out (closeTradeMarketTimeout) and the trade stays open")
            : null;
    }

    /// <summary>The latest close order initiated for a trade (<c>MarketCloseOrderInitiatedV2</c> by trade id), with its block.</summary>
    public async Task<(BigInteger OrderId, ulong Block)?> LatestCloseOrderAsync(BigInteger tradeId, ulong fromBlock, CancellationToken cancellationToken)
    {
        var logs = await rpc.GetLogsAsync(_trading, [Topics(OstiumEvents.MarketCloseOrderInitiatedV2), null, [Word(tradeId)]], fromBlock, cancellationToken).ConfigureAwait(false);
        var last = logs.LastOrDefault();
        return last is null ? null : ((BigInteger)OstiumEvents.MarketCloseOrderInitiatedV2.DecodeLog(last.Topics, last.Data)[0]!, last.BlockNumber ?? fromBlock);
    }

    /// <summary>The block a market order is still pending since (0 once it is executed, cancelled or timed out).</summary>
    public async Task<(ulong Block, bool IsOpen)> PendingOrderAsync(BigInteger orderId, CancellationToken cancellationToken)
    {
        var answer = await rpc.CallAsync(_tradingStorage, OstiumTradingStorageContract.PendingMarketOrder.EncodeCall(orderId), cancellationToken).ConfigureAwait(false);
        var v = OstiumTradingStorageContract.PendingMarketOrder.DecodeReturn(answer);
        var trade = OstiumEvents.DecodeTrade((object?[])v[3]!);
        return ((ulong)(BigInteger)v[0]!, trade.Leverage > 0);
    }

    /// <summary>Trading's <c>marketOrdersTimeout</c>, in blocks.</summary>
    public async Task<ulong> MarketOrdersTimeoutAsync(CancellationToken cancellationToken)
    {
        var answer = await rpc.CallAsync(_trading, OstiumTradingContract.MarketOrdersTimeout.EncodeCall(), cancellationToken).ConfigureAwait(false);
        return (ulong)(BigInteger)OstiumTradingContract.MarketOrdersTimeout.DecodeReturn(answer)[0]!;
    }

    /// <summary>The trade in a slot: its id, whether a close is pending, and whether the slot holds a trade at all.</summary>
    public async Task<(BigInteger TradeId, bool BeingClosed, bool Exists)> SlotAsync(EthereumAddress trader, OstiumTradeReference slot, CancellationToken cancellationToken)
    {
        var infoCall = OstiumTradingStorageContract.OpenTradesInfo.EncodeCall(trader, (ushort)slot.PairIndex, (byte)slot.Index);
        var info = OstiumTradingStorageContract.OpenTradesInfo.DecodeReturn(await rpc.CallAsync(_tradingStorage, infoCall, cancellationToken).ConfigureAwait(false));
        var tradeCall = OstiumTradingStorageContract.OpenTrades.EncodeCall(trader, (ushort)slot.PairIndex, (byte)slot.Index);
        var trade = OstiumTradingStorageContract.OpenTrades.DecodeReturn(await rpc.CallAsync(_tradingStorage, tradeCall, cancellationToken).ConfigureAwait(false));
        return ((BigInteger)info[0]!, (bool)info[6]!, !((BigInteger)trade[5]!).IsZero);
    }

    private async Task<EthereumAddress> RegistryAddressAsync(string name, CancellationToken cancellationToken)
    {
        var registry = (EthereumAddress)OstiumTradingContract.Registry.DecodeReturn(
            await rpc.CallAsync(_trading, OstiumTradingContract.Registry.EncodeCall(), cancellationToken).ConfigureAwait(false))[0]!;
        var key = new byte[32];
        Encoding.ASCII.GetBytes(name, key);
        var address = (EthereumAddress)OstiumTradingContract.GetContractAddress.DecodeReturn(
            await rpc.CallAsync(registry, OstiumTradingContract.GetContractAddress.EncodeCall(key), cancellationToken).ConfigureAwait(false))[0]!;
        return address == default
            ? throw new VenueException(Venue.Ostium, $"the registry {registry} of Trading names no '{name}' contract", "set the address in OstiumOptions")
            : address;
    }

    private static BigInteger Sum(IReadOnlyList<LogEntry> logs, AbiEvent e) =>
        logs.Where(l => e.Matches(l.Topics)).Aggregate(BigInteger.Zero, (sum, l) => sum + (BigInteger)e.DecodeLog(l.Topics, l.Data)[2]!);

    private static byte[][] Topics(params AbiEvent[] events) => events.Select(e => e.Topic0.ToArray()).ToArray();

    private static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        value.TryWriteBytes(word, out var written, isUnsigned: true, isBigEndian: true);
        return written == 32 ? word : [.. new byte[32 - written], .. word.AsSpan(0, written)];
    }
}
