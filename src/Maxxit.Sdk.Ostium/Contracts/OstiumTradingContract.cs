using System.Numerics;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Abi;
using Maxxit.Sdk.Ostium.Rpc;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>
/// Call data of Ostium's Trading contract (orders, timeouts, delegation, views). Signatures are
/// those of the published ABI; encoding and decoding go through the SDK's own ABI codec.
/// </summary>
public static class OstiumTradingContract
{
    /// <summary><c>openTrade(trade, builderFee, orderType, slippageP)</c>.</summary>
    public static AbiFunction OpenTrade { get; } =
        new("openTrade((uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool),(address,uint32),uint8,uint256)");

    /// <summary><c>closeTradeMarket(pairIndex, index, closePercentage, marketPrice, slippageP)</c>.</summary>
    public static AbiFunction CloseTradeMarket { get; } = new("closeTradeMarket(uint16,uint8,uint16,uint192,uint32)");

    /// <summary><c>delegatedAction(trader, call_data)</c>: an approved delegate acting for <c>trader</c>.</summary>
    public static AbiFunction DelegatedAction { get; } = new("delegatedAction(address,bytes)", "bytes");

    /// <summary><c>delegations(trader) returns (address)</c>: the trader's approved delegate.</summary>
    public static AbiFunction Delegations { get; } = new("delegations(address)", "address");

    /// <summary><c>openTradeMarketTimeout(uint256 _order)</c>: gives back the collateral of an open the oracle never answered.</summary>
    public static AbiFunction OpenTradeMarketTimeout { get; } = new("openTradeMarketTimeout(uint256)");

    /// <summary><c>closeTradeMarketTimeout(uint256 _order, bool retry)</c>: releases a close the oracle never answered.</summary>
    public static AbiFunction CloseTradeMarketTimeout { get; } = new("closeTradeMarketTimeout(uint256,bool)");

    /// <summary><c>marketOrdersTimeout() returns (uint16)</c>: blocks after which an unanswered market order may be timed out.</summary>
    public static AbiFunction MarketOrdersTimeout { get; } = new("marketOrdersTimeout()", "uint16");

    /// <summary><c>maxAllowedCollateral() returns (uint256)</c>: the largest collateral of one trade (USDC, 6 decimals).</summary>
    public static AbiFunction MaxAllowedCollateral { get; } = new("maxAllowedCollateral()", "uint256");

    /// <summary><c>registry() returns (address)</c>: the registry naming the other contracts.</summary>
    public static AbiFunction Registry { get; } = new("registry()", "address");

    /// <summary><c>getContractAddress(bytes32) returns (address)</c> of the registry, e.g. for <c>callbacks</c>.</summary>
    public static AbiFunction GetContractAddress { get; } = new("getContractAddress(bytes32)", "address");

    /// <summary>Call data of <c>openTrade</c>.</summary>
    public static byte[] EncodeOpenTrade(OpenTradeCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var t = call.Trade;
        object?[] trade = [t.Collateral, t.OpenPrice, t.TakeProfit, t.StopLoss, t.Trader, t.Leverage, t.PairIndex, t.Index, t.Buy];
        object?[] fee = [call.BuilderFee.Builder, call.BuilderFee.Fee];
        return OpenTrade.EncodeCall(trade, fee, (byte)call.OrderType, call.Slippage);
    }

    /// <summary>Decodes <c>openTrade</c> call data.</summary>
    /// <exception cref="EthereumFormatException">The data is not a well-formed <c>openTrade</c> call.</exception>
    public static OpenTradeCall DecodeOpenTrade(ReadOnlySpan<byte> callData)
    {
        var args = OpenTrade.DecodeCall(callData);
        var t = (object?[])args[0]!;
        var f = (object?[])args[1]!;
        var trade = new OstiumTrade(
            (BigInteger)t[0]!,
            (BigInteger)t[1]!,
            (BigInteger)t[2]!,
            (BigInteger)t[3]!,
            (EthereumAddress)t[4]!,
            (uint)(BigInteger)t[5]!,
            (ushort)(BigInteger)t[6]!,
            (byte)(BigInteger)t[7]!,
            (bool)t[8]!);
        var orderType = (byte)(BigInteger)args[2]!;
        if (orderType > (byte)OstiumOrderType.Stop)
        {
            throw new EthereumFormatException($"Order type {orderType} is not MARKET (0), LIMIT (1) or STOP (2).", "args[2]");
        }

        var slippage = (BigInteger)args[3]!;
        if (slippage > uint.MaxValue)
        {
            throw new EthereumFormatException("Slippage does not fit in 32 bits.", "args[3]");
        }

        return new OpenTradeCall(trade, new OstiumBuilderFee((EthereumAddress)f[0]!, (uint)(BigInteger)f[1]!), (OstiumOrderType)orderType, (uint)slippage);
    }

    /// <summary>Call data of <c>closeTradeMarket</c>.</summary>
    public static byte[] EncodeCloseTradeMarket(CloseTradeMarketCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CloseTradeMarket.EncodeCall(call.PairIndex, call.Index, call.ClosePercentage, call.MarketPrice, call.Slippage);
    }

    /// <summary>Decodes <c>closeTradeMarket</c> call data.</summary>
    public static CloseTradeMarketCall DecodeCloseTradeMarket(ReadOnlySpan<byte> callData)
    {
        var a = CloseTradeMarket.DecodeCall(callData);
        return new CloseTradeMarketCall((ushort)(BigInteger)a[0]!, (byte)(BigInteger)a[1]!, (ushort)(BigInteger)a[2]!, (BigInteger)a[3]!, (uint)(BigInteger)a[4]!);
    }

    /// <summary>Call data of <c>delegatedAction(trader, innerCallData)</c>.</summary>
    public static byte[] EncodeDelegatedAction(EthereumAddress trader, byte[] innerCallData) => DelegatedAction.EncodeCall(trader, innerCallData);

    /// <summary>Decodes <c>delegatedAction</c> call data into the trader and the wrapped call.</summary>
    public static (EthereumAddress Trader, byte[] InnerCallData) DecodeDelegatedAction(ReadOnlySpan<byte> callData)
    {
        var a = DelegatedAction.DecodeCall(callData);
        return ((EthereumAddress)a[0]!, (byte[])a[1]!);
    }

    /// <summary>Whether the call data starts with <paramref name="function"/>'s selector.</summary>
    public static bool IsCallTo(AbiFunction function, ReadOnlySpan<byte> callData)
    {
        ArgumentNullException.ThrowIfNull(function);
        return callData.Length >= 4 && callData[..4].SequenceEqual(function.Selector);
    }
}
