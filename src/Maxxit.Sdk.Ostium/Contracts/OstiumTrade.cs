using System.Numerics;
using Maxxit.Sdk.Ethereum;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The <c>trade</c> tuple of <c>openTrade</c>, in the contract's own integer units (see <see cref="OstiumUnits"/>).</summary>
/// <param name="Collateral">USDC collateral with 6 decimals (uint256).</param>
/// <param name="OpenPrice">Requested open price with 18 decimals (uint192).</param>
/// <param name="TakeProfit">Take-profit price with 18 decimals, 0 for none (uint192).</param>
/// <param name="StopLoss">Stop-loss price with 18 decimals, 0 for none (uint192).</param>
/// <param name="Trader">The account that owns the trade.</param>
/// <param name="Leverage">Leverage with 2 decimals, e.g. 500 = 5x (uint32).</param>
/// <param name="PairIndex">The pair (uint16).</param>
/// <param name="Index">The trader's slot on the pair (uint8); the contract picks a free one.</param>
/// <param name="Buy">True for long.</param>
public sealed record OstiumTrade(
    BigInteger Collateral,
    BigInteger OpenPrice,
    BigInteger TakeProfit,
    BigInteger StopLoss,
    EthereumAddress Trader,
    uint Leverage,
    ushort PairIndex,
    byte Index,
    bool Buy);
