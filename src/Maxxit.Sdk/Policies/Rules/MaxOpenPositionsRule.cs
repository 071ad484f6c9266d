using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>No new position while the deployment holds <see cref="DeploymentPolicy.MaxOpenPositions"/> open ones.</summary>
public sealed class MaxOpenPositionsRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "max_open_positions";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.MaxOpenPositions;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxOpenPositions is < 0)
        {
            throw new MaxxitValidationException("DeploymentPolicy.MaxOpenPositions", "must not be negative");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context) =>
        context.Policy.MaxOpenPositions is { } max && context.State.OpenPositions >= max
            ? PolicyRuleResult.Reject($"{context.State.OpenPositions} positions open; the maximum is {max}")
            : PolicyRuleResult.Pass;
}
