using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class DailyTradeCapRuleTests
{
    private readonly DailyTradeCapRule _rule = new();

    [Theory]
    [InlineData(2, 3, PolicyOutcome.Accepted)]
    [InlineData(3, 3, PolicyOutcome.Rejected)]
    [InlineData(0, 0, PolicyOutcome.Rejected)]
    public void Refuses_once_the_cap_is_reached(int tradesToday, int cap, PolicyOutcome expected)
    {
        var result = Run(_rule, new DeploymentPolicy { DailyTradeCap = cap }, state: PolicyState.Empty with { TradesToday = tradesToday });

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Negative_cap_is_refused()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { DailyTradeCap = -1 }));
        Assert.Equal("DeploymentPolicy.DailyTradeCap", error.Field);
    }
}
