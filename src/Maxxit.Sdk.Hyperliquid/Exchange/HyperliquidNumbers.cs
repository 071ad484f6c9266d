using System.Globalization;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// Hyperliquid's number rules: prices with at most five significant figures and at most
/// (6 − szDecimals) decimals (integers always allowed), sizes with at most szDecimals decimals,
/// and decimals sent as strings without trailing zeros.
/// </summary>
public static class HyperliquidNumbers
{
    /// <summary>The most decimals a perpetual price may carry before subtracting szDecimals.</summary>
    public const int MaxPerpDecimals = 6;

    /// <summary>The most significant figures a non-integer price may carry.</summary>
    public const int MaxSignificantFigures = 5;

    /// <summary>The most decimals the wire format accepts at all (as the official SDK enforces).</summary>
    public const int MaxWireDecimals = 8;

    /// <summary>
    /// Formats a decimal the way the exchange expects it inside a signed action: plain notation,
    /// trailing zeros stripped, never "-0".
    /// </summary>
    /// <param name="value">The value; must have at most 8 decimals.</param>
    /// <returns>The wire text, e.g. <c>1670.1</c> or <c>100</c>.</returns>
    /// <exception cref="ArgumentException">The value has more than 8 decimals, so sending it would silently change it.</exception>
    public static string ToWire(decimal value)
    {
        if (decimal.Round(value, MaxWireDecimals) != value)
        {
            throw new ArgumentException(
                $"The value {value.ToString(CultureInfo.InvariantCulture)} has more than {MaxWireDecimals} decimals; round it before sending.",
                nameof(value));
        }

        if (value == 0m)
        {
            return "0";
        }

        return value.ToString("0.########", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Rounds a perpetual price to the nearest value the exchange accepts for an asset with the given szDecimals.
    /// </summary>
    /// <param name="price">A positive price.</param>
    /// <param name="szDecimals">The asset's size decimals (0–6).</param>
    /// <param name="mode">How to round; to nearest by default.</param>
    /// <returns>The rounded price (still a decimal; format it with <see cref="ToWire"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is not positive, szDecimals is outside 0–6, or the price rounds to zero.</exception>
    public static decimal RoundPrice(decimal price, int szDecimals, MidpointRounding mode = MidpointRounding.AwayFromZero)
    {
        ValidateSzDecimals(szDecimals);
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be positive.");
        }

        var decimals = AllowedPriceDecimals(price, szDecimals);
        var rounded = decimal.Round(price, decimals, mode);
        if (rounded == 0m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(price), price, $"The price rounds to zero with the {decimals} decimals this asset allows.");
        }

        return rounded;
    }

    /// <summary>
    /// Rounds a size toward zero to the asset's szDecimals, so an order never exceeds the size it was computed for.
    /// </summary>
    /// <param name="size">A non-negative size.</param>
    /// <param name="szDecimals">The asset's size decimals (0–6).</param>
    /// <returns>The rounded size.</returns>
    public static decimal RoundSize(decimal size, int szDecimals)
    {
        ValidateSzDecimals(szDecimals);
        if (size < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A size must not be negative.");
        }

        return decimal.Round(size, szDecimals, MidpointRounding.ToZero);
    }

    /// <summary>Whether a price is already acceptable to the exchange for an asset with the given szDecimals.</summary>
    /// <param name="price">The price.</param>
    /// <param name="szDecimals">The asset's size decimals (0–6).</param>
    /// <returns>True when the price is positive and within the significant-figure and decimal limits.</returns>
    public static bool IsValidPrice(decimal price, int szDecimals)
    {
        ValidateSzDecimals(szDecimals);
        return price > 0m && decimal.Round(price, AllowedPriceDecimals(price, szDecimals)) == price;
    }

    /// <summary>Whether a size already has at most szDecimals decimals.</summary>
    /// <param name="size">The size.</param>
    /// <param name="szDecimals">The asset's size decimals (0–6).</param>
    /// <returns>True when the size is positive and has no more decimals than allowed.</returns>
    public static bool IsValidSize(decimal size, int szDecimals)
    {
        ValidateSzDecimals(szDecimals);
        return size > 0m && decimal.Round(size, szDecimals) == size;
    }

    /// <summary>
    /// Scales a decimal to an integer with <paramref name="power"/> implied decimals, refusing values that would lose
    /// more than a thousandth of a unit (the official SDK's <c>float_to_int</c>).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="power">The number of implied decimals (0–18).</param>
    /// <returns>The scaled integer.</returns>
    /// <exception cref="ArgumentException">Scaling would round the value.</exception>
    public static Int128 ToScaledInteger(decimal value, int power)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(power);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(power, 18);
        var scaled = value * Pow10(power);
        var rounded = decimal.Round(scaled, 0, MidpointRounding.ToEven);
        if (Math.Abs(rounded - scaled) >= 0.001m)
        {
            throw new ArgumentException(
                $"Scaling {value.ToString(CultureInfo.InvariantCulture)} to {power} decimals would round it.", nameof(value));
        }

        return (Int128)rounded;
    }

    /// <summary>The official SDK's <c>float_to_int_for_hashing</c>: eight implied decimals.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value times 10^8.</returns>
    public static Int128 ToHashingInteger(decimal value) => ToScaledInteger(value, 8);

    private static int AllowedPriceDecimals(decimal price, int szDecimals)
    {
        // Five significant figures leave (4 − exponent) decimals; at or above 10^4 only integers remain, which are always allowed.
        var bySignificantFigures = MaxSignificantFigures - 1 - DecimalExponent(price);
        return Math.Max(0, Math.Min(bySignificantFigures, MaxPerpDecimals - szDecimals));
    }

    private static int DecimalExponent(decimal positive)
    {
        var exponent = 0;
        if (positive >= 1m)
        {
            var bound = 10m;
            while (positive >= bound && exponent < 28)
            {
                exponent++;
                if (exponent < 28)
                {
                    bound *= 10m;
                }
            }
        }
        else
        {
            var bound = 1m;
            while (positive < bound && exponent > -28)
            {
                exponent--;
                bound /= 10m;
            }
        }

        return exponent;
    }

    private static decimal Pow10(int power)
    {
        var result = 1m;
        for (var i = 0; i < power; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static void ValidateSzDecimals(int szDecimals)
    {
        if (szDecimals is < 0 or > MaxPerpDecimals)
        {
            throw new ArgumentOutOfRangeException(nameof(szDecimals), szDecimals, "szDecimals must be between 0 and 6.");
        }
    }
}
