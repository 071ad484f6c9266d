using System.Globalization;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// A Hyperliquid client order id: 16 bytes written on the wire as <c>0x</c> followed by 32 lowercase hex digits.
/// </summary>
public readonly record struct Cloid
{
    private readonly UInt128 _value;

    /// <summary>Creates a client order id from its 128-bit value.</summary>
    /// <param name="value">The 128-bit value.</param>
    public Cloid(UInt128 value) => _value = value;

    /// <summary>The 128-bit value.</summary>
    public UInt128 Value => _value;

    /// <summary>Creates a client order id from exactly 16 bytes (big-endian).</summary>
    /// <param name="bytes">Sixteen bytes.</param>
    /// <exception cref="ArgumentException">The span is not 16 bytes long.</exception>
    public static Cloid FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16)
        {
            throw new ArgumentException($"A cloid is 16 bytes; got {bytes.Length}.", nameof(bytes));
        }

        return new Cloid(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    /// <summary>Parses <c>0x</c> followed by 32 hex digits (either case).</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a 16-byte hex string with a 0x prefix.</exception>
    public static Cloid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var cloid))
        {
            throw new FormatException("A cloid must be '0x' followed by exactly 32 hex digits.");
        }

        return cloid;
    }

    /// <summary>Tries to parse <c>0x</c> followed by 32 hex digits (either case).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="cloid">The parsed value.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, out Cloid cloid)
    {
        cloid = default;
        if (text is null || text.Length != 34 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        if (!UInt128.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        cloid = new Cloid(value);
        return true;
    }

    /// <summary>The wire form: <c>0x</c> and 32 lowercase hex digits.</summary>
    public override string ToString() => "0x" + _value.ToString("x32", CultureInfo.InvariantCulture);
}
