using System.Numerics;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The decoded arguments of one <c>closeTradeMarket</c> call.</summary>
/// <param name="PairIndex">The pair (uint16).</param>
/// <param name="Index">The trade's slot (uint8).</param>
/// <param name="ClosePercentage">Share to close, percent with 2 decimals (10000 = all) (uint16).</param>
/// <param name="MarketPrice">Current price with 18 decimals (uint192).</param>
/// <param name="Slippage">Allowed slippage, percent with 2 decimals (uint32).</param>
public sealed record CloseTradeMarketCall(ushort PairIndex, byte Index, ushort ClosePercentage, BigInteger MarketPrice, uint Slippage);
