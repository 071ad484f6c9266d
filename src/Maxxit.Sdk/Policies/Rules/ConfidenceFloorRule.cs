using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>Refuses signals less confident than <see cref="DeploymentPolicy.MinConfidence"/>.</summary>
public sealed class ConfidenceFloorRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "confidence_floor";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.ConfidenceFloor;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MinConfidence is < 0m or > 1m)
        {
            throw new MaxxitValidationException("DeploymentPolicy.MinConfidence", "must be in [0, 1]");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context) =>
        context.Policy.MinConfidence is { } floor && intent.Confidence < floor
            ? PolicyRuleResult.Reject($"confidence {PolicyText.Number(intent.Confidence)} is below the floor {PolicyText.Number(floor)}")
            : PolicyRuleResult.Pass;
}
