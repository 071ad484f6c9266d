using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class MinOrderValueRuleTests
{
    private readonly MinOrderValueRule _rule = new();

    [Fact]
    public void Order_value_is_the_notional_and_below_the_minimum_refuses()
    {
        // 0.2 % of 10 000 at 2x = 40 USD.
        var policy = new DeploymentPolicy { MinOrderValueUsd = 50m };

        var refused = Run(_rule, policy, Intent(size: 0.2m));
        Assert.Equal(PolicyOutcome.Rejected, refused.Outcome);
        Assert.Equal("order value 40 USD is below the minimum 50 USD", refused.Reason);
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, policy, Intent(size: 0.25m)).Outcome);
    }

    [Fact]
    public void Unknown_account_value_refuses_a_positive_minimum()
    {
        Assert.Equal(PolicyOutcome.Rejected, Run(_rule, new DeploymentPolicy { MinOrderValueUsd = 10m }, accountValue: null).Outcome);
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, new DeploymentPolicy { MinOrderValueUsd = 0m }, accountValue: null).Outcome);
    }

    [Fact]
    public void Negative_minimum_is_refused()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { MinOrderValueUsd = -1m }));
        Assert.Equal("DeploymentPolicy.MinOrderValueUsd", error.Field);
    }
}
