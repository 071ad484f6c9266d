using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class LeverageCapRuleTests
{
    private readonly LeverageCapRule _rule = new();

    [Fact]
    public void Caps_the_default_leverage_when_the_intent_sets_none()
    {
        var result = Run(_rule, new DeploymentPolicy { MaxLeverage = 1.5m }, Intent(leverage: null), defaultLeverage: 3m);

        Assert.Equal(1.5m, result.Intent!.Leverage);
        Assert.Equal([new PolicyAdjustment("leverage_cap", "leverage", "3", "1.5")], result.Adjustments);
    }

    [Fact]
    public void Leverage_within_the_cap_passes_and_stays_unset() =>
        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, new DeploymentPolicy { MaxLeverage = 5m }, Intent(leverage: null), defaultLeverage: 2m).Outcome);

    [Fact]
    public void Never_above_the_highest_maximum_of_the_venues_listing_the_token()
    {
        var markets = Catalog(Market(Venue.Hyperliquid, "WIF", 5m), Market(Venue.Ostium, "WIF", 3m), Market(Venue.Hyperliquid, "BTC", 40m));

        var result = Run(_rule, new DeploymentPolicy { MaxLeverage = 20m }, Intent("WIF", leverage: 10m), markets: markets);

        Assert.Equal(5m, result.Intent!.Leverage);
    }

    [Fact]
    public void Venue_maximum_counts_only_venues_the_trade_may_use()
    {
        var markets = Catalog(Market(Venue.Hyperliquid, "WIF", 5m), Market(Venue.Ostium, "WIF", 3m));
        var policy = new DeploymentPolicy { MaxLeverage = 20m };

        var excluded = Run(_rule, policy, Intent("WIF", leverage: 10m) with { ExcludedVenues = [Venue.Hyperliquid] }, markets: markets);
        var preferred = Run(_rule, policy, Intent("WIF", leverage: 10m) with { VenuePriority = [Venue.Ostium] }, markets: markets);

        Assert.Equal(3m, excluded.Intent!.Leverage);
        Assert.Equal(3m, preferred.Intent!.Leverage);
    }

    [Fact]
    public void Policy_cap_binds_when_below_the_venue_maximum()
    {
        var result = Run(_rule, new DeploymentPolicy { MaxLeverage = 4m }, Intent("BTC", leverage: 10m), markets: Catalog(Market(Venue.Hyperliquid, "BTC", 40m)));

        Assert.Equal(4m, result.Intent!.Leverage);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-2)]
    [InlineData(101)]
    public void Out_of_range_cap_is_refused(double cap)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { MaxLeverage = (decimal)cap }));
        Assert.Equal("DeploymentPolicy.MaxLeverage", error.Field);
    }
}
