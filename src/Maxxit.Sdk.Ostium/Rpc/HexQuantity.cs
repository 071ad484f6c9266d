using System.Globalization;
using System.Numerics;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>JSON-RPC quantities: 0x-prefixed hex without leading zeros.</summary>
public static class HexQuantity
{
    /// <summary>Formats a non-negative integer, e.g. 0 → <c>0x0</c>, 26 → <c>0x1a</c>.</summary>
    public static string Format(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a quantity must not be negative");
        }

        return value.IsZero ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
    }

    /// <summary>Parses a quantity such as <c>0x1a</c>.</summary>
    /// <exception cref="FormatException">The text is not a 0x-prefixed hex quantity.</exception>
    public static BigInteger Parse(string? text)
    {
        if (text is null || text.Length < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            throw new FormatException($"'{text}' is not a 0x-prefixed hex quantity");
        }

        // A leading 0 keeps BigInteger from reading the top bit as a sign.
        return BigInteger.Parse("0" + text.AsSpan(2).ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a quantity that must fit in 64 bits.</summary>
    public static ulong ParseUInt64(string? text)
    {
        var value = Parse(text);
        return value <= ulong.MaxValue ? (ulong)value : throw new FormatException($"'{text}' does not fit in 64 bits");
    }
}
