using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>
/// Scales the size by the user's appetite — <see cref="DeploymentPolicy.SizeMultiplier"/> when set, else
/// <see cref="DeploymentPolicy.RiskPreference"/> (conservative 0.5, balanced 1, aggressive 1.5) — never above 100 %,
/// then caps it at <see cref="DeploymentPolicy.MaxTradeSizePercent"/>. Each change is one adjustment.
/// </summary>
public sealed class SizeRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "size";

    /// <summary>The adjusted field.</summary>
    public const string Field = "size_percent";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.Size;

    /// <summary>The multiplier a policy applies: the explicit factor, else the risk preference's, else 1.</summary>
    public static decimal MultiplierOf(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.SizeMultiplier ?? policy.RiskPreference switch
        {
            Policies.RiskPreference.Conservative => 0.5m,
            Policies.RiskPreference.Aggressive => 1.5m,
            _ => 1m,
        };
    }

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.RiskPreference is { } preference && !Enum.IsDefined(preference))
        {
            throw new MaxxitValidationException("DeploymentPolicy.RiskPreference", "must be conservative, balanced or aggressive");
        }

        if (policy.SizeMultiplier is <= 0m or > 10m)
        {
            throw new MaxxitValidationException("DeploymentPolicy.SizeMultiplier", "must be in (0, 10]");
        }

        if (policy.MaxTradeSizePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("DeploymentPolicy.MaxTradeSizePercent", "must be in (0, 100]");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        var policy = context.Policy;
        var original = intent.SizePercent;
        var multiplier = MultiplierOf(policy);
        var scaled = multiplier == 1m ? original : Math.Min(original * multiplier, 100m);
        var capped = policy.MaxTradeSizePercent is { } cap && scaled > cap ? cap : scaled;
        if (capped == original)
        {
            return PolicyRuleResult.Pass;
        }

        PolicyAdjustment[] adjustments = scaled != original && capped != scaled
            ? [Change(original, scaled), Change(scaled, capped)]
            : [Change(original, capped)];
        return PolicyRuleResult.Adjust(intent with { SizePercent = capped }, adjustments);
    }

    private static PolicyAdjustment Change(decimal from, decimal to) => new(RuleName, Field, PolicyText.Number(from), PolicyText.Number(to));
}
