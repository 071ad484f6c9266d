namespace Maxxit.Sdk.Venues.Paper;

/// <summary>
/// How a paper venue's books, fees and funding look, so that BEST_EXECUTION runs offline on realistic numbers. The
/// defaults are illustrative, shaped after each venue's public fee schedule and typical books (see docs/routing.md);
/// they are not live quotes.
/// </summary>
public sealed record PaperCostProfile
{
    /// <summary>Taker fee in bps of notional.</summary>
    public required double TakerFeeBps { get; init; }

    /// <summary>Distance of the best bid and ask from the mid, in bps (half the spread).</summary>
    public required double HalfSpreadBps { get; init; }

    /// <summary>Distance between successive book levels, in bps.</summary>
    public double LevelStepBps { get; init; } = 1;

    /// <summary>Notional resting at each level of an ordinary market, in USD.</summary>
    public double LevelNotionalUsd { get; init; } = 25_000;

    /// <summary>Depth multiplier for BTC and ETH (other large caps get a fifth of it).</summary>
    public double MajorDepthMultiplier { get; init; } = 40;

    /// <summary>Levels per side (Hyperliquid's <c>l2Book</c> returns up to 20).</summary>
    public int Levels { get; init; } = 20;

    /// <summary>
    /// True for an oracle-priced venue (Ostium): one bid and one ask of unlimited size, no book to walk.
    /// </summary>
    public bool OracleQuote { get; init; }

    /// <summary>Fixed fee per order in USD (Ostium's oracle fee).</summary>
    public double FixedFeeUsd { get; init; }

    /// <summary>Rollover both sides pay per hour, in bps of notional.</summary>
    public double RolloverBpsPerHour { get; init; }

    /// <summary>The lowest and highest hourly funding (bps, positive: longs pay shorts) a symbol gets by default, spread deterministically by symbol.</summary>
    public (double Min, double Max) FundingBpsPerHourRange { get; init; }

    /// <summary>Hourly funding per symbol in bps (positive: longs pay), overriding the default spread.</summary>
    public IReadOnlyDictionary<string, double> FundingBpsPerHour { get; init; } = new Dictionary<string, double>();

    /// <summary>How the carry term is named in routing reasons.</summary>
    public string CarryName { get; init; } = "funding";

    /// <summary>Hyperliquid-like: 4.5 bps taker (base tier), tight 20-level books, hourly funding, no fixed fee.</summary>
    public static PaperCostProfile Hyperliquid { get; } = new()
    {
        TakerFeeBps = 4.5,
        HalfSpreadBps = 0.5,
        LevelStepBps = 1,
        LevelNotionalUsd = 25_000,
        FundingBpsPerHourRange = (-0.1, 0.3),
        CarryName = "funding",
    };

    /// <summary>Ostium-like: taker opening fee, oracle bid/ask of unlimited size, a fixed oracle fee, rollover plus funding.</summary>
    public static PaperCostProfile Ostium { get; } = new()
    {
        TakerFeeBps = 3,
        HalfSpreadBps = 2.5,
        OracleQuote = true,
        FixedFeeUsd = 0.10,
        RolloverBpsPerHour = 0.01,
        FundingBpsPerHourRange = (-0.05, 0.1),
        CarryName = "rollover+funding",
    };

    /// <summary>The default profile of a venue (Hyperliquid-like for every venue but Ostium).</summary>
    public static PaperCostProfile For(Venue venue) => venue == Venue.Ostium ? Ostium : Hyperliquid;

    internal double FundingFor(string symbol)
    {
        if (FundingBpsPerHour.TryGetValue(symbol, out var funding))
        {
            return funding;
        }

        // FNV-1a over the symbol: the same symbol always gets the same funding, different symbols spread over the range.
        var hash = 2166136261u;
        foreach (var c in symbol)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var (min, max) = FundingBpsPerHourRange;
        return Math.Round(min + ((max - min) * (hash % 1001) / 1000.0), 3);
    }

    internal double DepthFor(string symbol) => symbol switch
    {
        "BTC" or "ETH" => LevelNotionalUsd * MajorDepthMultiplier,
        "SOL" or "XRP" or "DOGE" or "BNB" => LevelNotionalUsd * MajorDepthMultiplier / 5,
        _ => LevelNotionalUsd,
    };
}
