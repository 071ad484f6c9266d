using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies;

public class RuleBasedPolicyTests
{
    [Fact]
    public void A_deployment_without_a_policy_passes_through_without_running_any_rule()
    {
        var log = new List<string>();
        var layer = RuleBasedPolicy.Create([new RecordingRule("r", 1, log, PolicyOutcome.Rejected)]);
        var context = Context(policy: null);

        var decision = layer.Evaluate(context);

        Assert.Equal(PolicyOutcome.Accepted, decision.Outcome);
        Assert.Same(context.Intent, decision.Intent);
        Assert.Empty(log);
    }

    [Fact]
    public void Built_in_rules_run_in_the_documented_order()
    {
        var layer = RuleBasedPolicy.Create(BuiltInPolicyRules.All.Reverse());

        Assert.Equal(
            ["confidence_floor", "side_restriction", "token_lists", "trading_window", "cooldown", "daily_trade_cap", "max_open_positions", "venue_bias", "size", "leverage_cap", "exposure", "min_order_value"],
            layer.Rules.Select(r => r.Name));
    }

    [Fact]
    public void Rules_run_by_order_then_registration_and_each_sees_the_intent_the_previous_left()
    {
        var log = new List<string>();
        var layer = RuleBasedPolicy.Create(
        [
            new RecordingRule("late", 300, log),
            new RecordingRule("first-of-tie", 200, log, PolicyOutcome.Adjusted, newSize: 7m),
            new RecordingRule("early", 100, log, PolicyOutcome.Adjusted, newSize: 3m),
            new RecordingRule("second-of-tie", 200, log),
        ]);

        var decision = layer.Evaluate(Context(new DeploymentPolicy()));

        Assert.Equal(["early", "first-of-tie", "second-of-tie", "late"], log);
        Assert.Equal(PolicyOutcome.Adjusted, decision.Outcome);
        Assert.Equal(7m, decision.Intent.SizePercent);
        Assert.Equal([new PolicyAdjustment("early", "size_percent", "20", "3"), new PolicyAdjustment("first-of-tie", "size_percent", "3", "7")], decision.Adjustments);
    }

    [Fact]
    public void The_first_rejection_stops_evaluation_and_keeps_earlier_adjustments()
    {
        var log = new List<string>();
        var layer = RuleBasedPolicy.Create(
        [
            new RecordingRule("resize", 1, log, PolicyOutcome.Adjusted, newSize: 5m),
            new RecordingRule("refuse", 2, log, PolicyOutcome.Rejected),
            new RecordingRule("never", 3, log),
        ]);

        var decision = layer.Evaluate(Context(new DeploymentPolicy()));

        Assert.Equal(["resize", "refuse"], log);
        Assert.Equal(PolicyOutcome.Rejected, decision.Outcome);
        Assert.Equal("refuse", decision.RejectedBy);
        Assert.Equal("refuse says no", decision.Reason);
        Assert.Equal(5m, decision.Intent.SizePercent);
        Assert.Single(decision.Adjustments);
    }

    [Fact]
    public void A_custom_rule_between_built_ins_composes_with_them()
    {
        var log = new List<string>();
        var layer = RuleBasedPolicy.Create([.. BuiltInPolicyRules.All, new RecordingRule("halve_again", PolicyRuleOrder.Size + 1, log, PolicyOutcome.Adjusted, newSize: 5m)]);
        var policy = new DeploymentPolicy { RiskPreference = RiskPreference.Conservative, MinOrderValueUsd = 150m };

        // Size halves 20 → 10, the custom rule sets 5, min order value then sees 5 % × 2 × 10 000 = 1 000 USD.
        var decision = layer.Evaluate(Context(policy));

        Assert.Equal(PolicyOutcome.Adjusted, decision.Outcome);
        Assert.Equal(["size", "halve_again"], decision.Adjustments.Select(a => a.Rule));
        Assert.Equal(5m, decision.Intent.SizePercent);
    }

    [Fact]
    public void A_throwing_rule_refuses_the_trade_instead_of_failing_the_execution()
    {
        var layer = RuleBasedPolicy.Create([new ThrowingRule()]);

        var decision = layer.Evaluate(Context(new DeploymentPolicy()));

        Assert.Equal(PolicyOutcome.Rejected, decision.Outcome);
        Assert.Equal("throws", decision.RejectedBy);
        Assert.Equal("rule failed (InvalidOperationException)", decision.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_rule_leaving_an_invalid_size_refuses_the_trade(int size)
    {
        var layer = RuleBasedPolicy.Create([new RecordingRule("bad", 1, [], PolicyOutcome.Adjusted, newSize: size)]);

        var decision = layer.Evaluate(Context(new DeploymentPolicy()));

        Assert.Equal(PolicyOutcome.Rejected, decision.Outcome);
        Assert.StartsWith("rule left an invalid intent: size", decision.Reason);
    }

    [Fact]
    public void Two_rules_with_one_name_are_refused_at_construction() =>
        Assert.Throws<ArgumentException>(() => RuleBasedPolicy.Create([new RecordingRule("dup", 1, []), new RecordingRule("dup", 2, [])]));

    private sealed class ThrowingRule : IPolicyRule
    {
        public string Name => "throws";

        public int Order => 1;

        public void Validate(DeploymentPolicy policy)
        {
        }

        public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context) => throw new InvalidOperationException("boom");
    }
}
