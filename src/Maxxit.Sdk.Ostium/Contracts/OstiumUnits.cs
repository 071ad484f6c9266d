using System.Numerics;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>
/// Conversions between decimal amounts and the contracts' fixed-point integers: USDC 6 decimals, prices 18 decimals,
/// leverage, slippage and close percentage 2 decimals. Conversions to integers round toward zero, so an amount never
/// exceeds what was asked for.
/// </summary>
public static class OstiumUnits
{
    /// <summary>Decimals of USDC amounts.</summary>
    public const int UsdcDecimals = 6;

    /// <summary>Decimals of prices.</summary>
    public const int PriceDecimals = 18;

    /// <summary>Decimals of leverage and percentages.</summary>
    public const int PercentDecimals = 2;

    /// <summary>Decimals of the builder fee.</summary>
    public const int BuilderFeeDecimals = 6;

    /// <summary>The smallest leverage increment the contracts take: 0.01 (two decimals).</summary>
    public const decimal LeverageStep = 0.01m;

    /// <summary>A non-negative decimal as an integer with <paramref name="decimals"/> decimals, truncated.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static BigInteger ToScaled(decimal value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        return scale <= decimals
            ? mantissa * BigInteger.Pow(10, decimals - scale)
            : mantissa / BigInteger.Pow(10, scale - decimals);
    }

    /// <summary>An integer with <paramref name="decimals"/> decimals as a decimal.</summary>
    /// <exception cref="OverflowException">The value does not fit in a decimal.</exception>
    public static decimal FromScaled(BigInteger value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var divisor = BigInteger.Pow(10, decimals);
        var whole = BigInteger.DivRem(value, divisor, out var fraction);
        var result = (decimal)whole;
        if (!fraction.IsZero)
        {
            // Keep at most 28 significant digits: drop the fraction's lowest digits if needed.
            var digits = decimals;
            while (BigInteger.Abs(fraction) > new BigInteger(decimal.MaxValue / 10) || digits > 28)
            {
                fraction /= 10;
                digits--;
            }

            result += (decimal)fraction / (decimal)BigInteger.Pow(10, digits);
        }

        return result;
    }

    /// <summary>USD of USDC as 6-decimal units.</summary>
    public static BigInteger Usdc(decimal amount) => ToScaled(amount, UsdcDecimals);

    /// <summary>A price as 18-decimal units.</summary>
    public static BigInteger Price(decimal price) => ToScaled(price, PriceDecimals);

    /// <summary>Leverage (e.g. 5.5) as 2-decimal units (550).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Above what a uint32 holds.</exception>
    public static uint Leverage(decimal leverage) => checked((uint)ToScaled(leverage, PercentDecimals));

    /// <summary>A percentage (e.g. 2 for 2 %) as 2-decimal units (200).</summary>
    public static uint Percent(decimal percent) => checked((uint)ToScaled(percent, PercentDecimals));

    /// <summary>
    /// Collateral for an order: <paramref name="sizePercent"/> % of a USDC balance (both in 6-decimal units), rounded
    /// down so that it never exceeds the share asked for.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is outside [0, 100] or the balance is negative.</exception>
    public static BigInteger CollateralFor(BigInteger usdcBalance, decimal sizePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(usdcBalance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sizePercent, 100m);
        return usdcBalance * ToScaled(sizePercent, 6) / 100_000_000;
    }
}
