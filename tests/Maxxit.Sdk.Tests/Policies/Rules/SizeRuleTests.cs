using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class SizeRuleTests
{
    private readonly SizeRule _rule = new();

    [Theory]
    [InlineData(RiskPreference.Conservative, 10)]
    [InlineData(RiskPreference.Aggressive, 30)]
    public void Risk_preference_scales_the_size(RiskPreference preference, int expected)
    {
        var result = Run(_rule, new DeploymentPolicy { RiskPreference = preference }, Intent(size: 20m));

        Assert.Equal(PolicyOutcome.Adjusted, result.Outcome);
        Assert.Equal(expected, result.Intent!.SizePercent);
        Assert.Equal([new PolicyAdjustment("size", "size_percent", "20", expected.ToString())], result.Adjustments);
    }

    [Fact]
    public void Balanced_leaves_the_size_alone() =>
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, new DeploymentPolicy { RiskPreference = RiskPreference.Balanced }, Intent(size: 20m)).Outcome);

    [Fact]
    public void An_explicit_factor_wins_over_the_preference()
    {
        var result = Run(_rule, new DeploymentPolicy { RiskPreference = RiskPreference.Aggressive, SizeMultiplier = 0.25m }, Intent(size: 20m));

        Assert.Equal(5m, result.Intent!.SizePercent);
    }

    [Fact]
    public void Scaled_size_never_exceeds_the_whole_account()
    {
        var result = Run(_rule, new DeploymentPolicy { SizeMultiplier = 3m }, Intent(size: 50m));

        Assert.Equal(100m, result.Intent!.SizePercent);
    }

    [Fact]
    public void Hard_cap_applies_after_the_multiplier_and_both_changes_are_recorded_in_order()
    {
        var result = Run(_rule, new DeploymentPolicy { RiskPreference = RiskPreference.Aggressive, MaxTradeSizePercent = 25m }, Intent(size: 20m));

        Assert.Equal(25m, result.Intent!.SizePercent);
        Assert.Equal(
            [new PolicyAdjustment("size", "size_percent", "20", "30"), new PolicyAdjustment("size", "size_percent", "30", "25")],
            result.Adjustments);
    }

    [Fact]
    public void Hard_cap_alone_caps()
    {
        var result = Run(_rule, new DeploymentPolicy { MaxTradeSizePercent = 12.5m }, Intent(size: 40m));

        Assert.Equal(12.5m, result.Intent!.SizePercent);
        Assert.Equal([new PolicyAdjustment("size", "size_percent", "40", "12.5")], result.Adjustments);
    }

    [Theory]
    [InlineData(0, null, "DeploymentPolicy.SizeMultiplier")]
    [InlineData(-1, null, "DeploymentPolicy.SizeMultiplier")]
    [InlineData(11, null, "DeploymentPolicy.SizeMultiplier")]
    [InlineData(null, 0, "DeploymentPolicy.MaxTradeSizePercent")]
    [InlineData(null, -5, "DeploymentPolicy.MaxTradeSizePercent")]
    [InlineData(null, 101, "DeploymentPolicy.MaxTradeSizePercent")]
    public void Out_of_range_options_are_refused(int? multiplier, int? cap, string field)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { SizeMultiplier = multiplier, MaxTradeSizePercent = cap }));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Undefined_risk_preference_is_refused()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { RiskPreference = (RiskPreference)5 }));
        Assert.Equal("DeploymentPolicy.RiskPreference", error.Field);
    }
}
