namespace Maxxit.Sdk.Ostium.Costs;

/// <summary>How <see cref="OstiumCostSource"/> prices Ostium for BEST_EXECUTION.</summary>
public sealed class OstiumCostOptions
{
    /// <summary>
    /// The oracle fee counted per order, in USD (default 0). In the published contracts a successful market open pays
    /// none (the oracle fee is taken when a market open is cancelled, on a partial close and on a cancelled limit order);
    /// set it to count it anyway, e.g. as the expected cost of a cancelled open.
    /// </summary>
    public double OracleFeeUsd { get; set; }

    /// <summary>Arbitrum blocks per hour used to turn per-block rollover and funding into hourly rates (default 12,000: the official SDK's 10/3 a second).</summary>
    public double BlocksPerHour { get; set; } = 12_000;
}
