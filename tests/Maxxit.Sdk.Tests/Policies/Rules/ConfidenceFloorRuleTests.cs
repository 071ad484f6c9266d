using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class ConfidenceFloorRuleTests
{
    private readonly ConfidenceFloorRule _rule = new();

    [Theory]
    [InlineData(0.8, 0.7, PolicyOutcome.Accepted)]
    [InlineData(0.8, 0.8, PolicyOutcome.Accepted)]
    [InlineData(0.79, 0.8, PolicyOutcome.Rejected)]
    public void Refuses_only_signals_below_the_floor(double confidence, double floor, PolicyOutcome expected)
    {
        var result = Run(_rule, new DeploymentPolicy { MinConfidence = (decimal)floor }, Intent(confidence: (decimal)confidence));

        Assert.Equal(expected, result.Outcome);
        if (expected == PolicyOutcome.Rejected)
        {
            Assert.Equal("confidence 0.79 is below the floor 0.8", result.Reason);
        }
    }

    [Fact]
    public void Without_a_floor_everything_passes() =>
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, new DeploymentPolicy(), Intent(confidence: 0m)).Outcome);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Floor_outside_zero_one_is_refused(double floor)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { MinConfidence = (decimal)floor }));
        Assert.Equal("DeploymentPolicy.MinConfidence", error.Field);
    }
}
