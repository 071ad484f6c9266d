using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sdk.Ethereum;

/// <summary>
/// A 20-byte Ethereum account address. Equality ignores letter case (it compares bytes);
/// <see cref="ToString()"/> renders the EIP-55 mixed-case checksum form. <c>default</c> is the zero address.
/// </summary>
public readonly struct EthereumAddress : IEquatable<EthereumAddress>, ISpanFormattable
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Length = 20;

    // Held as three integers so the struct is a true value (no array to share or mutate) and compares fast.
    private readonly ulong _high;
    private readonly ulong _mid;
    private readonly uint _low;

    private EthereumAddress(ReadOnlySpan<byte> bytes)
    {
        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _mid = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _low = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    /// <summary>The zero address <c>0x0000000000000000000000000000000000000000</c>.</summary>
    public static EthereumAddress Zero => default;

    /// <summary>Whether this is the zero address.</summary>
    public bool IsZero => _high == 0 && _mid == 0 && _low == 0;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <param name="bytes">The address bytes.</param>
    /// <returns>The address.</returns>
    /// <exception cref="EthereumFormatException"><paramref name="bytes"/> is not 20 bytes long.</exception>
    public static EthereumAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new EthereumFormatException(
                $"An address is {Length} bytes but {bytes.Length} were given.", nameof(bytes));
        }

        return new EthereumAddress(bytes);
    }

    /// <summary>Derives the address of an uncompressed secp256k1 public key: the last 20 bytes of its keccak-256.</summary>
    /// <param name="publicKey">64 bytes (X ‖ Y) or 65 bytes with the <c>0x04</c> prefix.</param>
    /// <returns>The address.</returns>
    /// <exception cref="EthereumFormatException">The key has the wrong length or prefix.</exception>
    public static EthereumAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65)
        {
            if (publicKey[0] != 0x04)
            {
                throw new EthereumFormatException(
                    "A 65-byte public key must start with 0x04 (uncompressed form).", nameof(publicKey));
            }

            publicKey = publicKey[1..];
        }

        if (publicKey.Length != 64)
        {
            throw new EthereumFormatException(
                $"An uncompressed public key is 64 bytes (or 65 with prefix) but {publicKey.Length} were given.",
                nameof(publicKey));
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(publicKey, hash);
        return new EthereumAddress(hash[12..]);
    }

    /// <summary>
    /// Parses <c>0x</c> followed by 40 hex digits. All-lower or all-upper case is accepted as is;
    /// mixed case must carry a valid EIP-55 checksum.
    /// </summary>
    /// <param name="value">The address text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="EthereumFormatException">The text is malformed or its checksum is wrong.</exception>
    public static EthereumAddress Parse(string value)
    {
        if (!TryParse(value, out var address, out var reason))
        {
            throw new EthereumFormatException(reason, nameof(value));
        }

        return address;
    }

    /// <summary>Tries to parse an address; see <see cref="Parse(string)"/> for the rules.</summary>
    /// <param name="value">The address text.</param>
    /// <param name="address">The parsed address, or <see cref="Zero"/> when parsing fails.</param>
    /// <returns><see langword="true"/> when the text is a valid address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out EthereumAddress address) =>
        TryParse(value, out address, out _);

    /// <summary>Copies the 20 address bytes into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 20 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"Destination must hold at least {Length} bytes.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _mid);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _low);
    }

    /// <summary>Returns the 20 address bytes in a new array.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Returns <c>0x</c> and 40 lower-case hex digits (the form Hyperliquid's API expects).</summary>
    /// <returns>The lower-case address text.</returns>
    public string ToLowerHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <summary>Returns the EIP-55 checksummed form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    /// <returns>The checksummed address text.</returns>
    public override string ToString() => string.Create(42, this, static (span, address) => address.FormatChecksum(span));

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < 42)
        {
            charsWritten = 0;
            return false;
        }

        FormatChecksum(destination);
        charsWritten = 42;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(EthereumAddress other) => _high == other._high && _mid == other._mid && _low == other._low;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EthereumAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_high, _mid, _low);

    /// <summary>Compares two addresses by value.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns>Whether they are the same address.</returns>
    public static bool operator ==(EthereumAddress left, EthereumAddress right) => left.Equals(right);

    /// <summary>Compares two addresses by value.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns>Whether they are different addresses.</returns>
    public static bool operator !=(EthereumAddress left, EthereumAddress right) => !left.Equals(right);

    private void FormatChecksum(Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Span<byte> ascii = stackalloc byte[40];
        Convert.TryToHexStringLower(bytes, destination[2..42], out _);
        for (var i = 0; i < 40; i++)
        {
            ascii[i] = (byte)destination[2 + i];
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(ascii, hash);
        destination[0] = '0';
        destination[1] = 'x';
        for (var i = 0; i < 40; i++)
        {
            var c = destination[2 + i];
            var nibble = (i & 1) == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F;
            if (c >= 'a' && nibble >= 8)
            {
                destination[2 + i] = (char)(c - 32);
            }
        }
    }

    private static bool TryParse(string? value, out EthereumAddress address, out string reason)
    {
        address = default;
        if (value is null)
        {
            reason = "Address is null.";
            return false;
        }

        if (value.Length != 42 || value[0] != '0' || value[1] != 'x')
        {
            reason = "An address must be '0x' followed by 40 hex digits.";
            return false;
        }

        var digits = value.AsSpan(2);
        Span<byte> bytes = stackalloc byte[Length];
        if (Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            reason = "An address must be '0x' followed by 40 hex digits.";
            return false;
        }

        var candidate = new EthereumAddress(bytes);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper)
        {
            Span<char> expected = stackalloc char[42];
            candidate.FormatChecksum(expected);
            if (!expected[2..].SequenceEqual(digits))
            {
                reason = "Mixed-case address fails its EIP-55 checksum.";
                return false;
            }
        }

        address = candidate;
        reason = string.Empty;
        return true;
    }
}
