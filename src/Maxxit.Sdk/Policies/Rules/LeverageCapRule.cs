using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>
/// Caps leverage at <see cref="DeploymentPolicy.MaxLeverage"/> and at the highest maximum of the markets this trade may
/// be routed to (<see cref="PolicyRuleContext.MaxMarketLeverage"/>), with <see cref="LeverageLimits"/>; the executor then
/// clamps to the routed market's own maximum and its venue's rule the same way. An intent without leverage is measured at the executor's default.
/// </summary>
public sealed class LeverageCapRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "leverage_cap";

    /// <summary>The adjusted field.</summary>
    public const string Field = "leverage";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.LeverageCap;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxLeverage is < LeverageLimits.Minimum or > LeverageLimits.Highest)
        {
            throw new MaxxitValidationException("DeploymentPolicy.MaxLeverage", "must be in [1, 100]");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        if (context.Policy.MaxLeverage is not { } cap)
        {
            return PolicyRuleResult.Pass;
        }

        var effective = context.EffectiveLeverage(intent);
        if (effective < LeverageLimits.Minimum)
        {
            // Not this rule's to fix: the policy layer rejects a leverage below 1 after every rule.
            return PolicyRuleResult.Pass;
        }

        var limit = LeverageLimits.Clamp(effective, cap, context.MaxMarketLeverage(intent));
        return effective <= limit
            ? PolicyRuleResult.Pass
            : PolicyRuleResult.Adjust(intent with { Leverage = limit }, new PolicyAdjustment(RuleName, Field, PolicyText.Number(effective), PolicyText.Number(limit)));
    }
}
