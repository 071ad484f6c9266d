using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class SideRestrictionRuleTests
{
    private readonly SideRestrictionRule _rule = new();

    [Fact]
    public void Long_only_refuses_shorts_and_keeps_longs()
    {
        var longOnly = new DeploymentPolicy { AllowedSide = TradeSide.Long };

        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, longOnly, Intent(side: TradeSide.Long)).Outcome);
        var refused = Run(_rule, longOnly, Intent(side: TradeSide.Short));
        Assert.Equal(PolicyOutcome.Rejected, refused.Outcome);
        Assert.Equal("SHORT trades are not allowed (LONG only)", refused.Reason);
    }

    [Fact]
    public void Short_only_refuses_longs() =>
        Assert.Equal(PolicyOutcome.Rejected, Run(_rule, new DeploymentPolicy { AllowedSide = TradeSide.Short }, Intent(side: TradeSide.Long)).Outcome);

    [Fact]
    public void Undefined_side_is_refused()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { AllowedSide = (TradeSide)7 }));
        Assert.Equal("DeploymentPolicy.AllowedSide", error.Field);
    }
}
