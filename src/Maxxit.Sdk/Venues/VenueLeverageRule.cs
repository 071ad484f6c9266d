namespace Maxxit.Sdk.Venues;

/// <summary>
/// A venue's own leverage rule for one market, beyond <see cref="Markets.MarketInfo.MaxLeverage"/>: a tighter maximum
/// that holds right now (e.g. Ostium's overnight maximum while day trading is closed) and the step the venue accepts
/// (whole numbers on Hyperliquid, hundredths on Ostium). <see cref="LeverageLimits"/> applies it.
/// </summary>
/// <param name="Maximum">A maximum tighter than the market's listed one that holds now; null for none.</param>
/// <param name="Step">Leverage is rounded down to a multiple of this, in (0, 1]; 0 for no rounding.</param>
public readonly record struct VenueLeverageRule(decimal? Maximum, decimal Step);
