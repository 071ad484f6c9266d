namespace Maxxit.Sdk.Routing.Costs;

/// <summary>The expected cost of one order on one venue, each term in basis points of the order's notional.</summary>
/// <param name="FeeBps">Taker (opening) fee.</param>
/// <param name="SpreadImpactBps">Half the spread plus the price impact of walking the book for the order's notional.</param>
/// <param name="CarryBps">Funding and/or rollover over the expected holding period, signed: negative when the side receives funding.</param>
/// <param name="FixedBps">Fixed per-order fees (e.g. Ostium's oracle fee) as basis points of the notional.</param>
/// <param name="DepthExceeded">True when the book did not hold the whole notional (the rest is priced at the last level).</param>
public readonly record struct VenueCostEstimate(double FeeBps, double SpreadImpactBps, double CarryBps, double FixedBps, bool DepthExceeded = false)
{
    /// <summary>The sum of the terms.</summary>
    public double TotalBps => FeeBps + SpreadImpactBps + CarryBps + FixedBps;
}
