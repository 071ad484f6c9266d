using System.Numerics;

namespace Maxxit.Sdk.Ethereum.Rlp;

/// <summary>
/// An RLP value: either a byte string or a list of items. Immutable; equality is structural.
/// </summary>
public sealed class RlpItem : IEquatable<RlpItem>
{
    private static readonly RlpItem[] NoItems = [];
    private readonly byte[] _bytes;
    private readonly RlpItem[] _items;

    private RlpItem(byte[] bytes, RlpItem[] items, bool isList)
    {
        _bytes = bytes;
        _items = items;
        IsList = isList;
    }

    /// <summary>The empty byte string (also the RLP form of integer zero).</summary>
    public static RlpItem Empty { get; } = new([], NoItems, isList: false);

    /// <summary>Whether this item is a list (otherwise it is a byte string).</summary>
    public bool IsList { get; }

    /// <summary>The bytes of a byte-string item.</summary>
    /// <exception cref="InvalidOperationException">The item is a list.</exception>
    public ReadOnlySpan<byte> Bytes => IsList
        ? throw new InvalidOperationException("An RLP list has no bytes; read Items instead.")
        : _bytes;

    /// <summary>The children of a list item.</summary>
    /// <exception cref="InvalidOperationException">The item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => IsList
        ? _items
        : throw new InvalidOperationException("An RLP byte string has no items; read Bytes instead.");

    /// <summary>Creates a byte-string item (the bytes are copied).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new(bytes.ToArray(), NoItems, false);

    /// <summary>Creates a list item.</summary>
    /// <param name="items">The children, in order.</param>
    /// <returns>The item.</returns>
    public static RlpItem List(params IEnumerable<RlpItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        if (Array.IndexOf(array, null) >= 0)
        {
            throw new ArgumentException("An RLP list cannot contain null.", nameof(items));
        }

        return new([], array, true);
    }

    /// <summary>Creates the canonical integer item: big-endian with no leading zero bytes; zero is empty.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromUInt(ulong value) => FromUInt(new BigInteger(value));

    /// <summary>Creates the canonical integer item: big-endian with no leading zero bytes; zero is empty.</summary>
    /// <param name="value">A non-negative integer.</param>
    /// <returns>The item.</returns>
    /// <exception cref="EthereumFormatException"><paramref name="value"/> is negative.</exception>
    public static RlpItem FromUInt(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new EthereumFormatException("RLP integers must not be negative.", nameof(value));
        }

        return value.IsZero ? Empty : new(value.ToByteArray(isUnsigned: true, isBigEndian: true), NoItems, false);
    }

    /// <summary>Creates a 20-byte string item holding an address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromAddress(EthereumAddress address) => new(address.ToArray(), NoItems, false);

    /// <summary>Reads a byte-string item as a canonical unsigned integer.</summary>
    /// <param name="field">The field name reported on error.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="EthereumFormatException">The item is a list or has a leading zero byte.</exception>
    public BigInteger ToBigInteger(string field = "value")
    {
        var bytes = RequireBytes(field);
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new EthereumFormatException("RLP integer has a leading zero byte (non-canonical).", field);
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads a byte-string item as a canonical unsigned 64-bit integer.</summary>
    /// <param name="field">The field name reported on error.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="EthereumFormatException">The item is a list, non-canonical or over 64 bits.</exception>
    public ulong ToUInt64(string field = "value")
    {
        var value = ToBigInteger(field);
        if (value > ulong.MaxValue)
        {
            throw new EthereumFormatException("RLP integer does not fit in 64 bits.", field);
        }

        return (ulong)value;
    }

    /// <summary>Reads a byte-string item as an address (exactly 20 bytes).</summary>
    /// <param name="field">The field name reported on error.</param>
    /// <returns>The address.</returns>
    /// <exception cref="EthereumFormatException">The item is a list or not 20 bytes.</exception>
    public EthereumAddress ToAddress(string field = "value")
    {
        var bytes = RequireBytes(field);
        if (bytes.Length != EthereumAddress.Length)
        {
            throw new EthereumFormatException($"Expected a 20-byte address but got {bytes.Length} bytes.", field);
        }

        return EthereumAddress.FromBytes(bytes);
    }

    /// <inheritdoc />
    public bool Equals(RlpItem? other)
    {
        if (other is null || IsList != other.IsList)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!IsList)
        {
            return _bytes.AsSpan().SequenceEqual(other._bytes);
        }

        if (_items.Length != other._items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RlpItem);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsList);
        if (IsList)
        {
            foreach (var item in _items)
            {
                hash.Add(item.GetHashCode());
            }
        }
        else
        {
            hash.AddBytes(_bytes);
        }

        return hash.ToHashCode();
    }

    /// <summary>Shows byte strings as hex and lists in brackets.</summary>
    /// <returns>A readable rendering.</returns>
    public override string ToString() =>
        IsList ? "[" + string.Join(", ", _items.Select(i => i.ToString())) + "]" : Hex.Encode(_bytes);

    internal ReadOnlySpan<byte> RawBytes => _bytes;

    internal RlpItem[] RawItems => _items;

    private ReadOnlySpan<byte> RequireBytes(string field) => IsList
        ? throw new EthereumFormatException("Expected an RLP byte string but found a list.", field)
        : _bytes;
}
