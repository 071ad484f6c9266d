using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The views of Ostium's TradingStorage the adapter reads (signatures of the published ABI).</summary>
public static class OstiumTradingStorageContract
{
    /// <summary>
    /// <c>openTradesInfo(address trader, uint16 pairIndex, uint8 index) returns (uint256 tradeId, uint256 oiNotional,
    /// uint32 initialLeverage, uint32 tpLastUpdated, uint32 slLastUpdated, uint32 createdAt, bool beingMarketClosed)</c>.
    /// </summary>
    public static AbiFunction OpenTradesInfo { get; } = new("openTradesInfo(address,uint16,uint8)", "uint256,uint256,uint32,uint32,uint32,uint32,bool");

    /// <summary>
    /// <c>openTrades(address trader, uint16 pairIndex, uint8 index) returns (uint256 collateral, uint192 openPrice,
    /// uint192 tp, uint192 sl, address trader, uint32 leverage, uint16 pairIndex, uint8 index, bool buy)</c>; leverage 0: no trade.
    /// </summary>
    public static AbiFunction OpenTrades { get; } = new("openTrades(address,uint16,uint8)", "uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool");

    /// <summary>
    /// <c>reqID_pendingMarketOrder(uint256 orderId) returns (uint256 block, uint192 wantedPrice, uint32 slippageP, Trade trade,
    /// uint16 percentage)</c>: block 0 once the order is executed, cancelled or timed out.
    /// </summary>
    public static AbiFunction PendingMarketOrder { get; } =
        new("reqID_pendingMarketOrder(uint256)", "uint256,uint192,uint32,(uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool),uint16");
}
