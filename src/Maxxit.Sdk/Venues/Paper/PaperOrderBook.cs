using Maxxit.Sdk.Routing.Costs;

namespace Maxxit.Sdk.Venues.Paper;

/// <summary>Builds a paper market's cost curve: an evenly stepped book (or an oracle quote) around the mid.</summary>
internal static class PaperOrderBook
{
    public static MarketCostCurve Curve(PaperCostProfile profile, string symbol, double mid)
    {
        var funding = profile.FundingFor(symbol);
        var longCarry = profile.RolloverBpsPerHour + funding;
        var shortCarry = profile.RolloverBpsPerHour - funding;
        var levels = profile.OracleQuote ? 1 : Math.Max(1, profile.Levels);
        Span<BookLevel> bids = stackalloc BookLevel[levels];
        Span<BookLevel> asks = stackalloc BookLevel[levels];
        var depth = profile.DepthFor(symbol);
        for (var i = 0; i < levels; i++)
        {
            var offset = (profile.HalfSpreadBps + (i * profile.LevelStepBps)) / 10_000;
            var ask = mid * (1 + offset);
            var bid = mid * (1 - offset);
            asks[i] = new BookLevel(ask, profile.OracleQuote ? double.PositiveInfinity : depth / ask);
            bids[i] = new BookLevel(bid, profile.OracleQuote ? double.PositiveInfinity : depth / bid);
        }

        return new MarketCostCurve(mid, bids, asks, profile.TakerFeeBps, longCarry, shortCarry, profile.FixedFeeUsd);
    }
}
