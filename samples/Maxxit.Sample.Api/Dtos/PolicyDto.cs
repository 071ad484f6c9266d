using Maxxit.Sdk;
using Maxxit.Sdk.Policies;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>
/// A deployment's policy (Agent How) on the wire: the fields of <see cref="DeploymentPolicy"/> in snake_case, every one
/// optional. <c>cooldown_per_token</c> is a duration <c>"hh:mm:ss"</c>.
/// </summary>
public sealed record PolicyDto
{
    public decimal? MinConfidence { get; init; }

    public TradeSide? AllowedSide { get; init; }

    public List<string>? AllowedTokens { get; init; }

    public List<string>? DeniedTokens { get; init; }

    public RiskPreference? RiskPreference { get; init; }

    public decimal? SizeMultiplier { get; init; }

    public decimal? MaxTradeSizePercent { get; init; }

    public decimal? MinOrderValueUsd { get; init; }

    public decimal? MaxLeverage { get; init; }

    public int? MaxOpenPositions { get; init; }

    public decimal? MaxTokenExposurePercent { get; init; }

    public decimal? MaxTotalExposurePercent { get; init; }

    public TimeSpan? CooldownPerToken { get; init; }

    public int? DailyTradeCap { get; init; }

    public int? TradingHoursStartUtc { get; init; }

    public int? TradingHoursEndUtc { get; init; }

    public List<DayOfWeek>? TradingDays { get; init; }

    public List<Venue>? PreferredVenues { get; init; }

    public List<Venue>? ExcludedVenues { get; init; }

    // JSON null lists become empty ones: the SDK's policy never holds a null list.
    public DeploymentPolicy ToPolicy() => new()
    {
        MinConfidence = MinConfidence,
        AllowedSide = AllowedSide,
        AllowedTokens = AllowedTokens ?? [],
        DeniedTokens = DeniedTokens ?? [],
        RiskPreference = RiskPreference,
        SizeMultiplier = SizeMultiplier,
        MaxTradeSizePercent = MaxTradeSizePercent,
        MinOrderValueUsd = MinOrderValueUsd,
        MaxLeverage = MaxLeverage,
        MaxOpenPositions = MaxOpenPositions,
        MaxTokenExposurePercent = MaxTokenExposurePercent,
        MaxTotalExposurePercent = MaxTotalExposurePercent,
        CooldownPerToken = CooldownPerToken,
        DailyTradeCap = DailyTradeCap,
        TradingHoursStartUtc = TradingHoursStartUtc,
        TradingHoursEndUtc = TradingHoursEndUtc,
        TradingDays = TradingDays ?? [],
        PreferredVenues = PreferredVenues ?? [],
        ExcludedVenues = ExcludedVenues ?? [],
    };

    public static PolicyDto? From(DeploymentPolicy? policy) => policy is null ? null : new()
    {
        MinConfidence = policy.MinConfidence,
        AllowedSide = policy.AllowedSide,
        AllowedTokens = [.. policy.AllowedTokens],
        DeniedTokens = [.. policy.DeniedTokens],
        RiskPreference = policy.RiskPreference,
        SizeMultiplier = policy.SizeMultiplier,
        MaxTradeSizePercent = policy.MaxTradeSizePercent,
        MinOrderValueUsd = policy.MinOrderValueUsd,
        MaxLeverage = policy.MaxLeverage,
        MaxOpenPositions = policy.MaxOpenPositions,
        MaxTokenExposurePercent = policy.MaxTokenExposurePercent,
        MaxTotalExposurePercent = policy.MaxTotalExposurePercent,
        CooldownPerToken = policy.CooldownPerToken,
        DailyTradeCap = policy.DailyTradeCap,
        TradingHoursStartUtc = policy.TradingHoursStartUtc,
        TradingHoursEndUtc = policy.TradingHoursEndUtc,
        TradingDays = [.. policy.TradingDays],
        PreferredVenues = [.. policy.PreferredVenues],
        ExcludedVenues = [.. policy.ExcludedVenues],
    };
}
