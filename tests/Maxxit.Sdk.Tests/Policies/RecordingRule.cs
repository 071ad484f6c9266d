using Maxxit.Sdk.Policies;

namespace Maxxit.Sdk.Tests.Policies;

/// <summary>A custom rule for tests: records that it ran, then passes, adjusts the size or rejects as told.</summary>
internal sealed class RecordingRule(string name, int order, List<string> log, PolicyOutcome outcome = PolicyOutcome.Accepted, decimal newSize = 1m) : IPolicyRule
{
    public string Name => name;

    public int Order => order;

    public void Validate(DeploymentPolicy policy)
    {
    }

    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        log.Add(name);
        return outcome switch
        {
            PolicyOutcome.Rejected => PolicyRuleResult.Reject($"{name} says no"),
            PolicyOutcome.Adjusted => PolicyRuleResult.Adjust(intent with { SizePercent = newSize }, new PolicyAdjustment(name, "size_percent", intent.SizePercent.ToString(), newSize.ToString())),
            _ => PolicyRuleResult.Pass,
        };
    }
}
