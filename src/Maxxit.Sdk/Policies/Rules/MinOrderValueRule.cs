using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>
/// Refuses orders whose value — the notional, account × size % × leverage — is below
/// <see cref="DeploymentPolicy.MinOrderValueUsd"/>. Runs last among the sizing rules, since each of them may only
/// have made the order smaller. With the account value unknown, a positive minimum refuses.
/// </summary>
public sealed class MinOrderValueRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "min_order_value";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.MinOrderValue;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MinOrderValueUsd is < 0m)
        {
            throw new MaxxitValidationException("DeploymentPolicy.MinOrderValueUsd", "must not be negative");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        if (context.Policy.MinOrderValueUsd is not { } minimum || minimum <= 0m)
        {
            return PolicyRuleResult.Pass;
        }

        if (context.NotionalUsd(intent) is not { } notional)
        {
            return PolicyRuleResult.Reject("account value unknown; the minimum order value cannot be checked");
        }

        return notional < minimum
            ? PolicyRuleResult.Reject($"order value {PolicyText.Usd(notional)} is below the minimum {PolicyText.Usd(minimum)}")
            : PolicyRuleResult.Pass;
    }
}
