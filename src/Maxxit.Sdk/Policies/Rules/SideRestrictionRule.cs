using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>Long-only or short-only users (<see cref="DeploymentPolicy.AllowedSide"/>).</summary>
public sealed class SideRestrictionRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "side_restriction";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.SideRestriction;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.AllowedSide is { } side && !Enum.IsDefined(side))
        {
            throw new MaxxitValidationException("DeploymentPolicy.AllowedSide", "must be LONG or SHORT");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context) =>
        context.Policy.AllowedSide is { } allowed && intent.Side != allowed
            ? PolicyRuleResult.Reject($"{PolicyText.Side(intent.Side)} trades are not allowed ({PolicyText.Side(allowed)} only)")
            : PolicyRuleResult.Pass;
}
