using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>At most <see cref="DeploymentPolicy.DailyTradeCap"/> positions opened per UTC day.</summary>
public sealed class DailyTradeCapRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "daily_trade_cap";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.DailyTradeCap;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.DailyTradeCap is < 0)
        {
            throw new MaxxitValidationException("DeploymentPolicy.DailyTradeCap", "must not be negative");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context) =>
        context.Policy.DailyTradeCap is { } cap && context.State.TradesToday >= cap
            ? PolicyRuleResult.Reject($"{context.State.TradesToday} trades today (UTC); the daily cap is {cap}")
            : PolicyRuleResult.Pass;
}
