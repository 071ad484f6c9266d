namespace Maxxit.Sdk.Hyperliquid.Costs;

/// <summary>How <see cref="HyperliquidCostSource"/> prices Hyperliquid for BEST_EXECUTION.</summary>
public sealed class HyperliquidCostOptions
{
    /// <summary>Taker fee in bps when no fee account is set or its tier cannot be read (default 4.5: the base tier's 0.045 %).</summary>
    public double TakerFeeBps { get; set; } = 4.5;

    /// <summary>
    /// An account whose fee tier (<c>userFees</c> → <c>userCrossRate</c>) sets the taker fee, e.g. the account most
    /// orders go through; null means <see cref="TakerFeeBps"/>.
    /// </summary>
    public string? FeeAccount { get; set; }

    /// <summary>How often the fee account's tier is read again (default 1 h; tiers move with 14-day volume).</summary>
    public TimeSpan FeeRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many <c>l2Book</c> requests run at once during a refresh (default 4).</summary>
    public int MaxConcurrentBookRequests { get; set; } = 4;
}
