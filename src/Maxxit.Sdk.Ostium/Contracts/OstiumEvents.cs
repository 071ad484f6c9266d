using System.Numerics;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Abi;
using Maxxit.Sdk.Ostium.Rpc;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>
/// The events of a market order's life, declared exactly as Ostium's contracts declare them
/// (0xOstium/smart-contracts-public: <c>IOstiumPriceUpKeep</c>, <c>IOstiumTrading</c>, <c>IOstiumTradingCallbacks</c>).
/// The order id is the first topic of each; for an open that executes, the trade id is the order id.
/// </summary>
public static class OstiumEvents
{
    private const string TradeTuple = "(uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool)";
    private const string PendingOrderTuple = "(uint256,uint192,uint32," + TradeTuple + ",uint16)";
    private const string PendingOrderV1Tuple = "(uint256,uint192,uint32," + TradeTuple + ")";

    /// <summary><c>PriceRequested(uint256 indexed orderId, bytes32 feed, uint256 timestamp)</c>, emitted by the price upkeep for every market order.</summary>
    public static AbiEvent PriceRequested { get; } = new("PriceRequested(uint256 indexed orderId, bytes32 feed, uint256 timestamp)");

    /// <summary><c>MarketOpenOrderInitiated(uint256 indexed orderId, address indexed trader, uint16 indexed pairIndex)</c>, emitted by Trading.</summary>
    public static AbiEvent MarketOpenOrderInitiated { get; } = new("MarketOpenOrderInitiated(uint256 indexed orderId, address indexed trader, uint16 indexed pairIndex)");

    /// <summary><c>MarketCloseOrderInitiatedV2(uint256 indexed orderId, uint256 indexed tradeId, address indexed trader, uint16 pairIndex, uint16 closePercentage)</c>, emitted by Trading.</summary>
    public static AbiEvent MarketCloseOrderInitiatedV2 { get; } = new("MarketCloseOrderInitiatedV2(uint256 indexed orderId, uint256 indexed tradeId, address indexed trader, uint16 pairIndex, uint16 closePercentage)");

    /// <summary><c>MarketOpenExecuted(uint256 indexed orderId, Trade t, uint256 priceImpactP, uint256 tradeNotional)</c>, emitted by the callbacks.</summary>
    public static AbiEvent MarketOpenExecuted { get; } = new($"MarketOpenExecuted(uint256 indexed orderId, {TradeTuple} t, uint256 priceImpactP, uint256 tradeNotional)");

    /// <summary><c>MarketOpenCanceled(uint256 indexed orderId, address indexed trader, uint256 indexed pairIndex, CancelReason cancelReason)</c>, emitted by the callbacks.</summary>
    public static AbiEvent MarketOpenCanceled { get; } = new("MarketOpenCanceled(uint256 indexed orderId, address indexed trader, uint256 indexed pairIndex, uint8 cancelReason)");

    /// <summary><c>MarketCloseExecutedV2(uint256 indexed orderId, uint256 indexed tradeId, uint256 price, uint256 priceImpactP, int256 percentProfit, uint256 usdcSentToTrader, uint256 percentageClosed)</c>.</summary>
    public static AbiEvent MarketCloseExecutedV2 { get; } = new("MarketCloseExecutedV2(uint256 indexed orderId, uint256 indexed tradeId, uint256 price, uint256 priceImpactP, int256 percentProfit, uint256 usdcSentToTrader, uint256 percentageClosed)");

    /// <summary><c>MarketCloseExecuted(uint256 indexed orderId, uint256 indexed tradeId, uint256 price, uint256 priceImpactP, int256 percentProfit, uint256 usdcSentToTrader)</c> (earlier contracts).</summary>
    public static AbiEvent MarketCloseExecuted { get; } = new("MarketCloseExecuted(uint256 indexed orderId, uint256 indexed tradeId, uint256 price, uint256 priceImpactP, int256 percentProfit, uint256 usdcSentToTrader)");

    /// <summary><c>MarketCloseCanceled(uint256 indexed orderId, uint256 indexed tradeId, address indexed trader, uint256 pairIndex, uint256 index, CancelReason cancelReason)</c>.</summary>
    public static AbiEvent MarketCloseCanceled { get; } = new("MarketCloseCanceled(uint256 indexed orderId, uint256 indexed tradeId, address indexed trader, uint256 pairIndex, uint256 index, uint8 cancelReason)");

    /// <summary><c>DevFeeCharged(uint256 indexed tradeId, address indexed trader, uint256 amount)</c>: the opening fee (USDC, 6 decimals).</summary>
    public static AbiEvent DevFeeCharged { get; } = new("DevFeeCharged(uint256 indexed tradeId, address indexed trader, uint256 amount)");

    /// <summary><c>VaultOpeningFeeCharged(uint256 indexed tradeId, address indexed trader, uint256 amount)</c>: the vault's share of the opening fee.</summary>
    public static AbiEvent VaultOpeningFeeCharged { get; } = new("VaultOpeningFeeCharged(uint256 indexed tradeId, address indexed trader, uint256 amount)");

    /// <summary><c>OracleFeeCharged(uint256 indexed tradeId, address indexed trader, uint256 amount)</c> of the callbacks (a cancelled open keeps the oracle fee).</summary>
    public static AbiEvent OracleFeeCharged { get; } = new("OracleFeeCharged(uint256 indexed tradeId, address indexed trader, uint256 amount)");

    /// <summary><c>FeesCharged(uint256 indexed orderId, uint256 indexed tradeId, address indexed trader, uint256 rolloverFees, int256 fundingFees)</c> of a close.</summary>
    public static AbiEvent FeesCharged { get; } = new("FeesCharged(uint256 indexed orderId, uint256 indexed tradeId, address indexed trader, uint256 rolloverFees, int256 fundingFees)");

    /// <summary><c>MarketOpenTimeoutExecutedV2(uint256 indexed orderId, PendingMarketOrderV2 order)</c>, emitted by Trading when an unanswered open is given back.</summary>
    public static AbiEvent MarketOpenTimeoutExecutedV2 { get; } = new($"MarketOpenTimeoutExecutedV2(uint256 indexed orderId, {PendingOrderTuple} order)");

    /// <summary><c>MarketOpenTimeoutExecuted(uint256 indexed orderId, PendingMarketOrder order)</c> (earlier contracts).</summary>
    public static AbiEvent MarketOpenTimeoutExecuted { get; } = new($"MarketOpenTimeoutExecuted(uint256 indexed orderId, {PendingOrderV1Tuple} order)");

    /// <summary><c>MarketCloseTimeoutExecutedV2(uint256 indexed orderId, uint256 indexed tradeId, PendingMarketOrderV2 order)</c>, emitted by Trading.</summary>
    public static AbiEvent MarketCloseTimeoutExecutedV2 { get; } = new($"MarketCloseTimeoutExecutedV2(uint256 indexed orderId, uint256 indexed tradeId, {PendingOrderTuple} order)");

    /// <summary><c>MarketCloseTimeoutExecuted(uint256 indexed orderId, uint256 indexed tradeId, PendingMarketOrder order)</c> (earlier contracts).</summary>
    public static AbiEvent MarketCloseTimeoutExecuted { get; } = new($"MarketCloseTimeoutExecuted(uint256 indexed orderId, uint256 indexed tradeId, {PendingOrderV1Tuple} order)");

    /// <summary>
    /// The order id of a market order in a receipt: the first topic of <c>MarketOpenOrderInitiated</c> or
    /// <c>MarketCloseOrderInitiatedV2</c> emitted by <paramref name="trading"/>, else of <c>PriceRequested</c>.
    /// </summary>
    /// <returns>False when no log is a well-formed one of those.</returns>
    public static bool TryGetOrderId(IEnumerable<LogEntry> logs, EthereumAddress? trading, out BigInteger orderId)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var list = logs as IReadOnlyList<LogEntry> ?? logs.ToList();
        foreach (var log in list)
        {
            if ((trading is null || log.Address == trading)
                && (TryFirst(MarketOpenOrderInitiated, log, out orderId) || TryFirst(MarketCloseOrderInitiatedV2, log, out orderId)))
            {
                return true;
            }
        }

        foreach (var log in list)
        {
            if (TryFirst(PriceRequested, log, out orderId))
            {
                return true;
            }
        }

        orderId = default;
        return false;
    }

    /// <summary>The cancel reason as the contract names it, e.g. <c>SLIPPAGE</c>, <c>DAY_TRADE_NOT_ALLOWED</c>.</summary>
    public static string ContractName(OstiumCancelReason reason) => reason switch
    {
        OstiumCancelReason.None => "NONE",
        OstiumCancelReason.Paused => "PAUSED",
        OstiumCancelReason.MarketClosed => "MARKET_CLOSED",
        OstiumCancelReason.Slippage => "SLIPPAGE",
        OstiumCancelReason.TpReached => "TP_REACHED",
        OstiumCancelReason.SlReached => "SL_REACHED",
        OstiumCancelReason.ExposureLimits => "EXPOSURE_LIMITS",
        OstiumCancelReason.PriceImpact => "PRICE_IMPACT",
        OstiumCancelReason.MaxLeverage => "MAX_LEVERAGE",
        OstiumCancelReason.NoTrade => "NO_TRADE",
        OstiumCancelReason.UnderLiquidation => "UNDER_LIQUIDATION",
        OstiumCancelReason.NotHit => "NOT_HIT",
        OstiumCancelReason.GainLoss => "GAIN_LOSS",
        OstiumCancelReason.DayTradeNotAllowed => "DAY_TRADE_NOT_ALLOWED",
        OstiumCancelReason.CloseDayTradeNotAllowed => "CLOSE_DAY_TRADE_NOT_ALLOWED",
        _ => "REASON_" + ((int)reason).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Decodes the trade tuple of <c>MarketOpenExecuted</c> (or of a pending order).</summary>
    internal static OstiumTrade DecodeTrade(object?[] t) => new(
        (BigInteger)t[0]!,
        (BigInteger)t[1]!,
        (BigInteger)t[2]!,
        (BigInteger)t[3]!,
        (EthereumAddress)t[4]!,
        (uint)(BigInteger)t[5]!,
        (ushort)(BigInteger)t[6]!,
        (byte)(BigInteger)t[7]!,
        (bool)t[8]!);

    private static bool TryFirst(AbiEvent e, LogEntry log, out BigInteger orderId)
    {
        orderId = default;
        if (!e.Matches(log.Topics))
        {
            return false;
        }

        try
        {
            orderId = (BigInteger)e.DecodeLog(log.Topics, log.Data)[0]!;
            return true;
        }
        catch (EthereumFormatException)
        {
            // A log with this topic but another shape is not the contract's; keep looking.
            return false;
        }
    }
}
