using System.Numerics;
using FsCheck.Xunit;
using Maxxit.Sdk.Ostium.Contracts;

namespace Maxxit.Sdk.Ostium.Tests.Contracts;

public sealed class OstiumUnitsTests
{
    [Fact]
    public void Usdc_has_six_decimals_and_truncates() => Assert.Equal(new BigInteger(1_234_567), OstiumUnits.Usdc(1.2345678m));

    [Fact]
    public void Prices_have_eighteen_decimals() => Assert.Equal(BigInteger.Parse("91000500000000000000000"), OstiumUnits.Price(91000.5m));

    [Fact]
    public void Tiny_prices_keep_every_digit() => Assert.Equal(BigInteger.Parse("307123456789012345"), OstiumUnits.Price(0.307123456789012345m));

    [Theory]
    [InlineData(5, 500u)]
    [InlineData(2.5, 250u)]
    [InlineData(1.239, 123u)]
    public void Leverage_and_percentages_have_two_decimals(decimal value, uint expected)
    {
        Assert.Equal(expected, OstiumUnits.Leverage(value));
        Assert.Equal(expected, OstiumUnits.Percent(value));
    }

    [Fact]
    public void Negative_amounts_are_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => OstiumUnits.Usdc(-1m));

    [Property]
    public bool Usdc_round_trips_at_six_decimals(uint whole, uint micro)
    {
        var amount = whole + ((micro % 1_000_000) / 1_000_000m);
        return OstiumUnits.FromScaled(OstiumUnits.Usdc(amount), OstiumUnits.UsdcDecimals) == amount;
    }

    [Property]
    public bool Price_round_trips_at_eighteen_decimals(uint whole, ulong fraction)
    {
        var price = whole + ((fraction % 1_000_000_000_000_000_000UL) / 1_000_000_000_000_000_000m);
        return OstiumUnits.FromScaled(OstiumUnits.Price(price), OstiumUnits.PriceDecimals) == price;
    }

    [Theory]
    [InlineData(2_000_000_000, 25, 500_000_000)]
    [InlineData(1_000_000, 33.333333, 333_333)]
    [InlineData(999, 10, 99)]
    [InlineData(5, 10, 0)]
    public void Collateral_is_the_size_share_of_the_balance_rounded_down(long balance, double percent, long expected) =>
        Assert.Equal(new BigInteger(expected), OstiumUnits.CollateralFor(balance, (decimal)percent));

    [Property]
    public bool Collateral_never_exceeds_the_share_and_misses_it_by_less_than_one_unit(ulong balance, uint percentMillionths)
    {
        var percent = (percentMillionths % 100_000_000) / 1_000_000m;
        var collateral = OstiumUnits.CollateralFor(balance, percent);
        var exact = (decimal)balance * percent / 100m;
        return (decimal)collateral <= exact && exact - (decimal)collateral < 1m;
    }
}
