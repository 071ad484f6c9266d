using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class CooldownRuleTests
{
    private readonly CooldownRule _rule = new();
    private readonly DeploymentPolicy _hour = new() { CooldownPerToken = TimeSpan.FromHours(1) };

    [Fact]
    public void Refuses_within_the_cooldown_and_says_until_when()
    {
        var state = PolicyState.Empty with { LastTradeForToken = Now.AddMinutes(-59) };

        var result = Run(_rule, _hour, state: state);

        Assert.Equal(PolicyOutcome.Rejected, result.Outcome);
        Assert.Equal("last ETH trade at 2026-11-02 09:31:00Z; cooldown of 01:00:00 lasts until 2026-11-02 10:31:00Z", result.Reason);
    }

    [Fact]
    public void Passes_once_the_cooldown_has_lapsed_or_without_an_earlier_trade()
    {
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, _hour, state: PolicyState.Empty with { LastTradeForToken = Now.AddHours(-1) }).Outcome);
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, _hour, state: PolicyState.Empty).Outcome);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31 * 24 * 60)]
    public void Negative_or_overlong_cooldowns_are_refused(int minutes)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { CooldownPerToken = TimeSpan.FromMinutes(minutes) }));
        Assert.Equal("DeploymentPolicy.CooldownPerToken", error.Field);
    }
}
