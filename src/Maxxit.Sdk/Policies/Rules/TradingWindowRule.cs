using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>
/// Trades only inside the allowed UTC hours [<see cref="DeploymentPolicy.TradingHoursStartUtc"/>,
/// <see cref="DeploymentPolicy.TradingHoursEndUtc"/>) and on the allowed UTC days (<see cref="DeploymentPolicy.TradingDays"/>).
/// </summary>
public sealed class TradingWindowRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "trading_window";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.TradingWindow;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.TradingHoursStartUtc is < 0 or > 23)
        {
            throw new MaxxitValidationException("DeploymentPolicy.TradingHoursStartUtc", "must be an hour 0-23");
        }

        if (policy.TradingHoursEndUtc is < 1 or > 24)
        {
            throw new MaxxitValidationException("DeploymentPolicy.TradingHoursEndUtc", "must be an hour 1-24");
        }

        if ((policy.TradingHoursStartUtc is null) != (policy.TradingHoursEndUtc is null))
        {
            throw new MaxxitValidationException(policy.TradingHoursStartUtc is null ? "DeploymentPolicy.TradingHoursStartUtc" : "DeploymentPolicy.TradingHoursEndUtc", "start and end hours go together");
        }

        if (policy.TradingHoursStartUtc is { } start && policy.TradingHoursEndUtc is { } end && end <= start)
        {
            throw new MaxxitValidationException("DeploymentPolicy.TradingHoursEndUtc", $"must be after the start hour ({start}); windows across midnight are not supported");
        }

        if (policy.TradingDays is null)
        {
            throw new MaxxitValidationException("DeploymentPolicy.TradingDays", "must be a list (empty for every day)");
        }

        foreach (var day in policy.TradingDays)
        {
            if (!Enum.IsDefined(day))
            {
                throw new MaxxitValidationException("DeploymentPolicy.TradingDays", $"{(int)day} is not a day of the week");
            }
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        var policy = context.Policy;
        var now = context.Now.UtcDateTime;
        if (policy.TradingHoursStartUtc is { } start && policy.TradingHoursEndUtc is { } end && (now.Hour < start || now.Hour >= end))
        {
            return PolicyRuleResult.Reject($"outside trading hours {start:00}:00-{end:00}:00 UTC (now {now:HH:mm} UTC)");
        }

        var days = policy.TradingDays;
        if (days.Count > 0)
        {
            for (var i = 0; i < days.Count; i++)
            {
                if (days[i] == now.DayOfWeek)
                {
                    return PolicyRuleResult.Pass;
                }
            }

            return PolicyRuleResult.Reject($"{now.DayOfWeek} (UTC) is not a trading day");
        }

        return PolicyRuleResult.Pass;
    }
}
