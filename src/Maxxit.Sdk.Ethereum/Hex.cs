using System.Buffers;

namespace Maxxit.Sdk.Ethereum;

/// <summary>Hexadecimal encoding as used on the Ethereum JSON-RPC wire (lower case, <c>0x</c> prefix).</summary>
public static class Hex
{
    /// <summary>Encodes bytes as lower-case hex.</summary>
    /// <param name="data">The bytes to encode.</param>
    /// <param name="prefix">Whether to prepend <c>0x</c>.</param>
    /// <returns>The hex string (<c>"0x"</c> for empty input when <paramref name="prefix"/> is set).</returns>
    public static string Encode(ReadOnlySpan<byte> data, bool prefix = true)
    {
        if (!prefix)
        {
            return Convert.ToHexStringLower(data);
        }

        return string.Create(2 + (data.Length * 2), data, static (span, bytes) =>
        {
            span[0] = '0';
            span[1] = 'x';
            Convert.TryToHexStringLower(bytes, span[2..], out _);
        });
    }

    /// <summary>Decodes a hex string with or without a <c>0x</c> prefix.</summary>
    /// <param name="value">The hex text; must have an even number of digits.</param>
    /// <param name="paramName">The name reported in the exception when <paramref name="value"/> is malformed.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="EthereumFormatException">The text is null, has an odd length or a non-hex character.</exception>
    public static byte[] Decode(string value, string paramName = "value")
    {
        if (!TryDecode(value, out var bytes, out var reason))
        {
            throw new EthereumFormatException(reason, paramName);
        }

        return bytes;
    }

    /// <summary>Tries to decode a hex string with or without a <c>0x</c> prefix.</summary>
    /// <param name="value">The hex text.</param>
    /// <param name="bytes">The decoded bytes when successful; otherwise an empty array.</param>
    /// <returns><see langword="true"/> when the text was valid hex.</returns>
    public static bool TryDecode(string? value, out byte[] bytes) => TryDecode(value, out bytes, out _);

    /// <summary>Decodes hex text into a fixed number of bytes.</summary>
    /// <param name="value">The hex text, with or without <c>0x</c>.</param>
    /// <param name="length">The required number of bytes.</param>
    /// <param name="paramName">The name reported in the exception.</param>
    /// <returns>Exactly <paramref name="length"/> bytes.</returns>
    /// <exception cref="EthereumFormatException">The text is not valid hex of exactly that length.</exception>
    public static byte[] DecodeFixed(string value, int length, string paramName = "value")
    {
        var bytes = Decode(value, paramName);
        if (bytes.Length != length)
        {
            throw new EthereumFormatException(
                $"Expected {length} bytes ({length * 2} hex digits) but got {bytes.Length}.", paramName);
        }

        return bytes;
    }

    internal static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? text[2..] : text;

    private static bool TryDecode(string? value, out byte[] bytes, out string reason)
    {
        bytes = [];
        if (value is null)
        {
            reason = "Hex text is null.";
            return false;
        }

        var digits = StripPrefix(value.AsSpan());
        if ((digits.Length & 1) != 0)
        {
            reason = $"Hex text has an odd number of digits ({digits.Length}).";
            return false;
        }

        var result = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, result, out _, out _) != OperationStatus.Done)
        {
            reason = "Hex text contains a character that is not a hex digit.";
            return false;
        }

        bytes = result;
        reason = string.Empty;
        return true;
    }
}
