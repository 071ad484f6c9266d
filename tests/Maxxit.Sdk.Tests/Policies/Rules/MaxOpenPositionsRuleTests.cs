using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class MaxOpenPositionsRuleTests
{
    private readonly MaxOpenPositionsRule _rule = new();

    [Fact]
    public void Refuses_when_the_deployment_already_holds_the_maximum()
    {
        var policy = new DeploymentPolicy { MaxOpenPositions = 2 };

        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, policy, state: PolicyState.Empty with { OpenPositions = 1 }).Outcome);
        var refused = Run(_rule, policy, state: PolicyState.Empty with { OpenPositions = 2 });
        Assert.Equal(PolicyOutcome.Rejected, refused.Outcome);
        Assert.Equal("2 positions open; the maximum is 2", refused.Reason);
    }

    [Fact]
    public void Negative_maximum_is_refused()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { MaxOpenPositions = -3 }));
        Assert.Equal("DeploymentPolicy.MaxOpenPositions", error.Field);
    }
}
