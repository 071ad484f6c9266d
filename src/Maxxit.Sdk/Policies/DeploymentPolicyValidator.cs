using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies;

/// <summary>Range checks of every <see cref="DeploymentPolicy"/> field.</summary>
public sealed class DeploymentPolicyValidator : IPolicyValidator
{
    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MinConfidence is < 0m or > 1m)
        {
            throw new MaxxitValidationException("policy.min_confidence", "must be in [0, 1]");
        }

        if (policy.SizeMultiplier is <= 0m or > 10m)
        {
            throw new MaxxitValidationException("policy.size_multiplier", "must be in (0, 10]");
        }

        Percent(policy.MaxTradeSizePercent, "policy.max_trade_size_percent");
        if (policy.MinOrderValueUsd is < 0m)
        {
            throw new MaxxitValidationException("policy.min_order_value_usd", "must not be negative");
        }

        if (policy.MaxLeverage is < 1m or > 100m)
        {
            throw new MaxxitValidationException("policy.max_leverage", "must be in [1, 100]");
        }

        if (policy.MaxOpenPositions is < 0)
        {
            throw new MaxxitValidationException("policy.max_open_positions", "must not be negative");
        }

        Percent(policy.MaxTokenExposurePercent, "policy.max_token_exposure_percent", 10_000m);
        Percent(policy.MaxTotalExposurePercent, "policy.max_total_exposure_percent", 10_000m);
        if (policy.CooldownPerToken is { } cooldown && (cooldown < TimeSpan.Zero || cooldown > TimeSpan.FromDays(30)))
        {
            throw new MaxxitValidationException("policy.cooldown_per_token", "must be between 0 and 30 days");
        }

        if (policy.DailyTradeCap is < 0)
        {
            throw new MaxxitValidationException("policy.daily_trade_cap", "must not be negative");
        }

        if (policy.TradingHoursStartUtc is < 0 or > 23)
        {
            throw new MaxxitValidationException("policy.trading_hours_start_utc", "must be an hour 0-23");
        }

        if (policy.TradingHoursEndUtc is < 1 or > 24)
        {
            throw new MaxxitValidationException("policy.trading_hours_end_utc", "must be an hour 1-24");
        }

        if (policy.TradingHoursStartUtc is { } start && policy.TradingHoursEndUtc is { } end && end <= start)
        {
            throw new MaxxitValidationException("policy.trading_hours_end_utc", "must be after trading_hours_start_utc");
        }

        if ((policy.TradingHoursStartUtc is null) != (policy.TradingHoursEndUtc is null))
        {
            throw new MaxxitValidationException("policy.trading_hours_end_utc", "start and end hours go together");
        }

        Tokens(policy.AllowedTokens, "policy.allowed_tokens");
        Tokens(policy.DeniedTokens, "policy.denied_tokens");
        if (policy.AllowedTokens.Intersect(policy.DeniedTokens, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both)
        {
            throw new MaxxitValidationException("policy.denied_tokens", $"{both} is both allowed and denied");
        }

        if (policy.PreferredVenues.Contains(Venue.Multi) || policy.ExcludedVenues.Contains(Venue.Multi))
        {
            throw new MaxxitValidationException("policy.preferred_venues", "MULTI is not a concrete venue");
        }
    }

    private static void Percent(decimal? value, string field, decimal max = 100m)
    {
        if (value is { } v && (v <= 0m || v > max))
        {
            throw new MaxxitValidationException(field, $"must be in (0, {max}]");
        }
    }

    private static void Tokens(IReadOnlyList<string> tokens, string field)
    {
        foreach (var token in tokens)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Length > 20 || !token.All(char.IsAsciiLetterOrDigit))
            {
                throw new MaxxitValidationException(field, $"'{token}' is not a token symbol");
            }
        }
    }
}
