using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>Checks and normalizes 0x-prefixed 20-byte hex addresses as the API expects them (lowercase).</summary>
internal static class HyperliquidAddress
{
    public static string Normalize([NotNull] string? address, string field)
    {
        if (address is null || address.Length != 42 || address[0] != '0' || (address[1] != 'x' && address[1] != 'X')
            || address.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw new ArgumentException($"{field} must be a 0x-prefixed 20-byte hex address.", field);
        }

        return "0x" + address[2..].ToLower(CultureInfo.InvariantCulture);
    }

    public static byte[] ToBytes(string address, string field) => Convert.FromHexString(Normalize(address, field).AsSpan(2));
}
