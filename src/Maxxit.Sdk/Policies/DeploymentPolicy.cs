namespace Maxxit.Sdk.Policies;

/// <summary>
/// A user's rules for the trades an agent makes for them (Agent How). Every limit is optional: null means no limit.
/// Percentages are of the account value (0–100); fractions are 0–1.
/// </summary>
public sealed record DeploymentPolicy
{
    /// <summary>Refuse signals less confident than this, in [0, 1].</summary>
    public decimal? MinConfidence { get; init; }

    /// <summary>Only this side is allowed (long-only or short-only).</summary>
    public TradeSide? AllowedSide { get; init; }

    /// <summary>When not empty, only these tokens are traded.</summary>
    public IReadOnlyList<string> AllowedTokens { get; init; } = [];

    /// <summary>These tokens are never traded.</summary>
    public IReadOnlyList<string> DeniedTokens { get; init; } = [];

    /// <summary>Size multiplier by appetite; ignored when <see cref="SizeMultiplier"/> is set.</summary>
    public RiskPreference? RiskPreference { get; init; }

    /// <summary>Explicit size multiplier in (0, 10].</summary>
    public decimal? SizeMultiplier { get; init; }

    /// <summary>Hard cap on one trade, percent of account in (0, 100].</summary>
    public decimal? MaxTradeSizePercent { get; init; }

    /// <summary>Refuse orders whose value (USD) would be below this.</summary>
    public decimal? MinOrderValueUsd { get; init; }

    /// <summary>Leverage cap (the venue market's maximum applies as well).</summary>
    public decimal? MaxLeverage { get; init; }

    /// <summary>Maximum number of open positions for this user.</summary>
    public int? MaxOpenPositions { get; init; }

    /// <summary>Maximum exposure to one token, percent of account.</summary>
    public decimal? MaxTokenExposurePercent { get; init; }

    /// <summary>Maximum total exposure, percent of account.</summary>
    public decimal? MaxTotalExposurePercent { get; init; }

    /// <summary>No new trade in a token within this long after the last one.</summary>
    public TimeSpan? CooldownPerToken { get; init; }

    /// <summary>At most this many trades per UTC day.</summary>
    public int? DailyTradeCap { get; init; }

    /// <summary>First UTC hour (0–23) in which trading is allowed.</summary>
    public int? TradingHoursStartUtc { get; init; }

    /// <summary>Hour (1–24) at which trading stops; must be after <see cref="TradingHoursStartUtc"/>.</summary>
    public int? TradingHoursEndUtc { get; init; }

    /// <summary>When not empty, the only UTC days on which trading is allowed.</summary>
    public IReadOnlyList<DayOfWeek> TradingDays { get; init; } = [];

    /// <summary>The user's venue order; the router honours it instead of the agent's.</summary>
    public IReadOnlyList<Venue> PreferredVenues { get; init; } = [];

    /// <summary>Venues never used for this user.</summary>
    public IReadOnlyList<Venue> ExcludedVenues { get; init; } = [];
}
