namespace Maxxit.Sdk.Policies;

/// <summary>
/// One check of the rule-based policy layer (<see cref="RuleBasedPolicy"/>): pure and fast, it looks only at the intent
/// and the <see cref="PolicyRuleContext"/> (no I/O), and passes, adjusts or rejects the trade.
/// </summary>
/// <remarks>
/// Rules run in ascending <see cref="Order"/>; built-ins use the values of <see cref="PolicyRuleOrder"/>, so a custom
/// rule placed at <c>PolicyRuleOrder.Size - 1</c> runs just before the size rule. Rules with the same order run in
/// registration order. Rules run only for deployments that have a <see cref="DeploymentPolicy"/>.
/// </remarks>
public interface IPolicyRule
{
    /// <summary>Unique snake_case name, recorded as the rejecting rule and on every adjustment (e.g. <c>cooldown</c>).</summary>
    string Name { get; }

    /// <summary>Position in the evaluation order (ascending).</summary>
    int Order { get; }

    /// <summary>Checks the fields of <paramref name="policy"/> this rule reads, before the policy is stored.</summary>
    /// <exception cref="Errors.MaxxitValidationException">A field is out of range; names its member path (e.g. <c>DeploymentPolicy.DailyTradeCap</c>).</exception>
    void Validate(DeploymentPolicy policy);

    /// <summary>Evaluates <paramref name="intent"/> (as earlier rules left it). Must be deterministic and must not block.</summary>
    PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context);
}
