using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class VenueBiasRuleTests
{
    private readonly VenueBiasRule _rule = new();

    [Fact]
    public void Puts_the_users_venue_order_and_exclusions_on_the_intent()
    {
        var policy = new DeploymentPolicy { PreferredVenues = [Venue.Ostium, Venue.Hyperliquid], ExcludedVenues = [Venue.Gmx] };

        var result = Run(_rule, policy, Intent());

        Assert.Equal(PolicyOutcome.Adjusted, result.Outcome);
        Assert.Equal([Venue.Ostium, Venue.Hyperliquid], result.Intent!.VenuePriority);
        Assert.Equal([Venue.Gmx], result.Intent.ExcludedVenues);
        Assert.Equal(
            [new PolicyAdjustment("venue_bias", "venue_priority", "(none)", "OSTIUM, HYPERLIQUID"), new PolicyAdjustment("venue_bias", "excluded_venues", "(none)", "GMX")],
            result.Adjustments);
    }

    [Fact]
    public void An_intent_that_already_carries_the_bias_passes_unchanged()
    {
        var policy = new DeploymentPolicy { PreferredVenues = [Venue.Ostium], ExcludedVenues = [Venue.Hyperliquid] };

        var result = Run(_rule, policy, Intent() with { VenuePriority = [Venue.Ostium], ExcludedVenues = [Venue.Hyperliquid] });

        Assert.Equal(PolicyOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public void No_bias_passes() => Assert.Equal(PolicyOutcome.Accepted, Run(_rule, new DeploymentPolicy(), Intent()).Outcome);

    [Theory]
    [InlineData(new[] { "MULTI" }, new string[0], "DeploymentPolicy.PreferredVenues")]
    [InlineData(new string[0], new[] { "MULTI" }, "DeploymentPolicy.ExcludedVenues")]
    [InlineData(new[] { "OSTIUM", "OSTIUM" }, new string[0], "DeploymentPolicy.PreferredVenues")]
    [InlineData(new[] { "OSTIUM" }, new[] { "OSTIUM" }, "DeploymentPolicy.ExcludedVenues")]
    [InlineData(new[] { "" }, new string[0], "DeploymentPolicy.PreferredVenues")]
    public void Unusable_venue_lists_are_refused(string[] preferredNames, string[] excludedNames, string field)
    {
        // "" stands for default(Venue), which names no venue.
        static Venue[] Venues(string[] names) => names.Select(n => n.Length == 0 ? default : Venue.Parse(n, "test")).ToArray();
        var (preferred, excluded) = (Venues(preferredNames), Venues(excludedNames));
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { PreferredVenues = preferred, ExcludedVenues = excluded }));
        Assert.Equal(field, error.Field);
    }
}
