using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>No new trade in a token within <see cref="DeploymentPolicy.CooldownPerToken"/> of the deployment's last one.</summary>
public sealed class CooldownRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "cooldown";

    /// <summary>Longest cooldown accepted.</summary>
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.Cooldown;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.CooldownPerToken is { } cooldown && (cooldown < TimeSpan.Zero || cooldown > MaxCooldown))
        {
            throw new MaxxitValidationException("DeploymentPolicy.CooldownPerToken", "must be between 0 and 30 days");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        if (context.Policy.CooldownPerToken is { } cooldown && context.State.LastTradeForToken is { } last && context.Now < last + cooldown)
        {
            return PolicyRuleResult.Reject($"last {intent.TokenSymbol} trade at {PolicyText.Time(last)}; cooldown of {cooldown} lasts until {PolicyText.Time(last + cooldown)}");
        }

        return PolicyRuleResult.Pass;
    }
}
