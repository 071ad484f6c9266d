using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Hyperliquid.Exchange;

namespace Maxxit.Sdk.Hyperliquid.Tests.Exchange;

public sealed class HyperliquidNumbersTests
{
    [Theory]
    [InlineData("1670.1", "1670.1")]
    [InlineData("1670.10000", "1670.1")]
    [InlineData("0.0147", "0.0147")]
    [InlineData("100", "100")]
    [InlineData("100.000", "100")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("123123123123", "123123123123")]
    [InlineData("-0.0", "0")]
    [InlineData("0", "0")]
    [InlineData("-12.50", "-12.5")]
    public void ToWire_strips_trailing_zeros_and_never_writes_minus_zero(string input, string expected) =>
        Assert.Equal(expected, HyperliquidNumbers.ToWire(decimal.Parse(input, CultureInfo.InvariantCulture)));

    [Fact]
    public void ToWire_refuses_values_that_would_be_rounded()
    {
        var error = Assert.Throws<ArgumentException>(() => HyperliquidNumbers.ToWire(0.000000001m));
        Assert.Equal("value", error.ParamName);
    }

    [Theory]
    [InlineData("1234.56", 0, "1234.6")] // five significant figures
    [InlineData("3583.4925", 4, "3583.5")] // ETH: 6 - 4 = 2 decimals, 5 sig figs leave 1
    [InlineData("101979.675", 5, "101980")] // BTC: integers always allowed, rounded to whole dollars
    [InlineData("123456", 5, "123456")] // an integer with 6 significant figures is valid
    [InlineData("12345.67", 1, "12346")]
    [InlineData("0.000123456", 0, "0.000123")] // 6 decimals at most
    [InlineData("0.0201234", 0, "0.020123")] // kPEPE-like
    [InlineData("0.74512", 1, "0.74512")] // ARB: 5 decimals allowed
    [InlineData("0.745126", 1, "0.74513")]
    [InlineData("187.345", 2, "187.35")] // SOL: 4 decimals allowed, 5 sig figs leave 2
    [InlineData("9.99996", 0, "10")]
    public void RoundPrice_applies_significant_figures_then_the_decimal_limit(string price, int szDecimals, string expected)
    {
        var rounded = HyperliquidNumbers.RoundPrice(decimal.Parse(price, CultureInfo.InvariantCulture), szDecimals);
        Assert.Equal(expected, HyperliquidNumbers.ToWire(rounded));
        Assert.True(HyperliquidNumbers.IsValidPrice(rounded, szDecimals));
    }

    [Theory]
    [InlineData("12345.6", 1, false)]
    [InlineData("123456", 5, true)]
    [InlineData("1.23456", 0, false)]
    [InlineData("0.0000001", 0, false)]
    [InlineData("3583.5", 4, true)]
    [InlineData("3583.52", 4, false)]
    public void IsValidPrice_follows_the_exchange_rules(string price, int szDecimals, bool valid) =>
        Assert.Equal(valid, HyperliquidNumbers.IsValidPrice(decimal.Parse(price, CultureInfo.InvariantCulture), szDecimals));

    [Fact]
    public void RoundPrice_refuses_non_positive_prices_and_prices_that_round_to_zero()
    {
        Assert.Equal("price", Assert.Throws<ArgumentOutOfRangeException>(() => HyperliquidNumbers.RoundPrice(0m, 2)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentOutOfRangeException>(() => HyperliquidNumbers.RoundPrice(-5m, 2)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentOutOfRangeException>(() => HyperliquidNumbers.RoundPrice(0.00000001m, 5)).ParamName);
        Assert.Equal("szDecimals", Assert.Throws<ArgumentOutOfRangeException>(() => HyperliquidNumbers.RoundPrice(1m, 7)).ParamName);
    }

    [Fact]
    public void Order_builders_refuse_opening_orders_below_the_minimum_but_not_reduce_only_closes()
    {
        var eth = new Maxxit.Sdk.Hyperliquid.Info.HyperliquidAsset(1, "ETH", 4, 25, false, false);

        var tooSmall = Assert.Throws<HyperliquidOrderTooSmallException>(() => HyperliquidOrders.Market(eth, true, 0.0029m, 3412.85m, 0.05m));
        Assert.Equal(("ETH", 10m), (tooSmall.Coin, tooSmall.MinimumValue));
        Assert.Equal(0.0029m * 3412.85m, tooSmall.OrderValue);
        Assert.Contains("below the $10 minimum", tooSmall.Message);
        Assert.Equal(0m, Assert.Throws<HyperliquidOrderTooSmallException>(() => HyperliquidOrders.Market(eth, true, 0.00001m, 3412.85m, 0.05m)).OrderValue);
        Assert.Throws<HyperliquidOrderTooSmallException>(() => HyperliquidOrders.Limit(eth, false, 0.002m, 4000m, TimeInForce.Gtc));

        var close = HyperliquidOrders.Market(eth, false, 0.0029m, 3412.85m, 0.05m, reduceOnly: true);
        Assert.Equal(("3242.2", "0.0029", true), (close.PriceWire, close.SizeWire, close.ReduceOnly));
        var open = HyperliquidOrders.Market(eth, true, 0.0030m, 3412.85m, 0.05m);
        Assert.Equal(("3583.5", "0.003"), (open.PriceWire, open.SizeWire));
    }

    [Theory]
    [InlineData("0.0147", 4, "0.0147")]
    [InlineData("0.01479", 4, "0.0147")]
    [InlineData("2.999999", 2, "2.99")]
    [InlineData("10.5", 0, "10")]
    public void RoundSize_rounds_toward_zero_to_sz_decimals(string size, int szDecimals, string expected) =>
        Assert.Equal(expected, HyperliquidNumbers.ToWire(HyperliquidNumbers.RoundSize(decimal.Parse(size, CultureInfo.InvariantCulture), szDecimals)));

    [Property(MaxTest = 2000)]
    public Property Rounded_prices_obey_the_exchange_rules_and_stay_within_rounding_of_the_input() =>
        Prop.ForAll(Prices().ToArbitrary(), input =>
        {
            var (price, sz) = input;
            var smallest = 0.5m * Pow10(-(6 - sz));
            if (price < smallest)
            {
                return true; // rounds to zero: refused, covered by a fact above
            }

            decimal rounded;
            try
            {
                rounded = HyperliquidNumbers.RoundPrice(price, sz);
            }
            catch (ArgumentOutOfRangeException)
            {
                return price < 2 * smallest;
            }

            var text = HyperliquidNumbers.ToWire(rounded);
            var decimals = text.Contains('.') ? text.Length - text.IndexOf('.') - 1 : 0;
            var significant = text.Replace(".", "").TrimStart('0').TrimEnd('0').Length;
            var bound = Math.Max(price * 0.00005m, smallest);
            return decimals <= 6 - sz
                && (decimals == 0 || significant <= 5)
                && Math.Abs(rounded - price) <= bound
                && HyperliquidNumbers.RoundPrice(rounded, sz) == rounded
                && HyperliquidNumbers.IsValidPrice(rounded, sz);
        });

    [Property(MaxTest = 1000)]
    public Property Rounded_sizes_never_exceed_the_input_and_lose_less_than_one_step() =>
        Prop.ForAll(Prices().ToArbitrary(), input =>
        {
            var (size, sz) = input;
            var rounded = HyperliquidNumbers.RoundSize(size, sz);
            return rounded <= size && size - rounded < Pow10(-sz) && decimal.Round(rounded, sz) == rounded;
        });

    [Property(MaxTest = 1000)]
    public Property ToWire_round_trips_and_has_no_trailing_zeros_or_exponent() =>
        Prop.ForAll(Prices().ToArbitrary(), input =>
        {
            var value = decimal.Round(input.Value, 8);
            var text = HyperliquidNumbers.ToWire(value);
            return decimal.Parse(text, CultureInfo.InvariantCulture) == value
                && !text.Contains('E', StringComparison.OrdinalIgnoreCase)
                && !(text.Contains('.') && text.EndsWith('0'))
                && text != "-0";
        });

    private static Gen<(decimal Value, int SzDecimals)> Prices() =>
        Gen.Zip(
            Gen.Zip(Gen.Choose(1, int.MaxValue), Gen.Choose(0, 14)),
            Gen.Choose(0, 5),
            (m, sz) => ((decimal)m.Item1 * Pow10(-m.Item2), sz));

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10m : result / 10m;
        }

        return result;
    }
}
