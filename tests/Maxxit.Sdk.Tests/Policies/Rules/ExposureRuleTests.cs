using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class ExposureRuleTests
{
    private readonly ExposureRule _rule = new();

    [Fact]
    public void A_trade_within_both_caps_passes()
    {
        // 20 % at 2x of 10 000 = 4 000 notional; 1 000 already open in ETH, 3 000 in total.
        var policy = new DeploymentPolicy { MaxTokenExposurePercent = 50m, MaxTotalExposurePercent = 100m };
        var state = new PolicyState(2, 3_000m, 1_000m, null, 0);

        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, policy, Intent(size: 20m), state).Outcome);
    }

    [Fact]
    public void A_trade_crossing_the_token_cap_is_shrunk_to_the_headroom()
    {
        var policy = new DeploymentPolicy { MaxTokenExposurePercent = 50m };
        var state = new PolicyState(1, 3_000m, 3_000m, null, 0);

        var result = Run(_rule, policy, Intent(size: 20m), state);

        Assert.Equal(PolicyOutcome.Adjusted, result.Outcome);
        Assert.Equal(10m, result.Intent!.SizePercent);
        Assert.Equal([new PolicyAdjustment("exposure", "size_percent", "20", "10")], result.Adjustments);
    }

    [Fact]
    public void The_tighter_of_the_two_caps_binds()
    {
        var policy = new DeploymentPolicy { MaxTokenExposurePercent = 80m, MaxTotalExposurePercent = 100m };
        var state = new PolicyState(3, 9_000m, 0m, null, 0);

        var result = Run(_rule, policy, Intent(size: 20m, leverage: 1m), state);

        Assert.Equal(10m, result.Intent!.SizePercent);
    }

    [Fact]
    public void Shrunk_size_rounds_down_so_the_cap_holds()
    {
        var policy = new DeploymentPolicy { MaxTotalExposurePercent = 100m };
        var state = new PolicyState(1, 10_000m - 1_000m / 3m, 0m, null, 0);

        var result = Run(_rule, policy, Intent(size: 20m), state);

        var notional = 10_000m * result.Intent!.SizePercent / 100m * 2m;
        Assert.True(notional + state.OpenNotionalUsd <= 10_000m);
        Assert.Equal(1.6666m, result.Intent.SizePercent);
    }

    [Fact]
    public void No_headroom_refuses()
    {
        var policy = new DeploymentPolicy { MaxTotalExposurePercent = 100m };

        var result = Run(_rule, policy, Intent(size: 20m), new PolicyState(4, 10_000m, 2_500m, null, 0));

        Assert.Equal(PolicyOutcome.Rejected, result.Outcome);
        Assert.Equal("no headroom under the total exposure cap 100% (10000 USD open) of an account of 10000 USD", result.Reason);
    }

    [Fact]
    public void Unknown_account_value_refuses()
    {
        var result = Run(_rule, new DeploymentPolicy { MaxTokenExposurePercent = 50m }, Intent(), accountValue: null);

        Assert.Equal(PolicyOutcome.Rejected, result.Outcome);
        Assert.Contains("account value unknown", result.Reason);
    }

    [Fact]
    public void Without_caps_the_account_value_is_not_needed() =>
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, new DeploymentPolicy(), Intent(), accountValue: null).Outcome);

    [Theory]
    [InlineData(-10, null, "DeploymentPolicy.MaxTokenExposurePercent")]
    [InlineData(0, null, "DeploymentPolicy.MaxTokenExposurePercent")]
    [InlineData(null, -1, "DeploymentPolicy.MaxTotalExposurePercent")]
    [InlineData(null, 10_001, "DeploymentPolicy.MaxTotalExposurePercent")]
    public void Negative_or_out_of_range_caps_are_refused(int? token, int? total, string field)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { MaxTokenExposurePercent = token, MaxTotalExposurePercent = total }));
        Assert.Equal(field, error.Field);
    }
}
