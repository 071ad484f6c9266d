using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class TokenListRuleTests
{
    private readonly TokenListRule _rule = new();

    [Fact]
    public void Deny_list_refuses_its_tokens_whatever_their_case()
    {
        var policy = new DeploymentPolicy { DeniedTokens = ["doge", "PEPE"] };

        var refused = Run(_rule, policy, Intent("DOGE"));
        Assert.Equal(PolicyOutcome.Rejected, refused.Outcome);
        Assert.Equal("DOGE is on the deny-list", refused.Reason);
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, policy, Intent("ETH")).Outcome);
    }

    [Fact]
    public void Allow_list_refuses_everything_else()
    {
        var policy = new DeploymentPolicy { AllowedTokens = ["BTC", "eth"] };

        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, policy, Intent("ETH")).Outcome);
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, policy, Intent("BTC")).Outcome);
        var refused = Run(_rule, policy, Intent("SOL"));
        Assert.Equal(PolicyOutcome.Rejected, refused.Outcome);
        Assert.Equal("SOL is not on the allow-list", refused.Reason);
    }

    [Fact]
    public void Empty_lists_allow_every_token() =>
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, new DeploymentPolicy(), Intent("XAU")).Outcome);

    [Theory]
    [InlineData("", "DeploymentPolicy.AllowedTokens", true)]
    [InlineData("ETH-USD", "DeploymentPolicy.AllowedTokens", true)]
    [InlineData("e th", "DeploymentPolicy.DeniedTokens", false)]
    public void Malformed_symbols_are_refused(string token, string field, bool inAllowList)
    {
        var policy = inAllowList ? new DeploymentPolicy { AllowedTokens = [token] } : new DeploymentPolicy { DeniedTokens = [token] };

        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(policy));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_token_both_allowed_and_denied_is_refused()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { AllowedTokens = ["ETH"], DeniedTokens = ["eth"] }));
        Assert.Equal("DeploymentPolicy.DeniedTokens", error.Field);
    }
}
