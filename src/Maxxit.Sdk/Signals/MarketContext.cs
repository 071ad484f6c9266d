namespace Maxxit.Sdk.Signals;

/// <summary>Market data about a token at generation time.</summary>
/// <param name="TokenSymbol">Token.</param>
/// <param name="Price">Current reference price.</param>
/// <param name="Change24h">24 h price change as a fraction.</param>
/// <param name="Volume24hUsd">24 h notional volume in USD.</param>
/// <param name="Volatility">Daily volatility as a fraction (0.03 = 3 %).</param>
/// <param name="Funding">Current hourly funding rate, if a perp.</param>
public sealed record MarketContext(string TokenSymbol, decimal Price, decimal Change24h, decimal Volume24hUsd, decimal Volatility, decimal? Funding);
