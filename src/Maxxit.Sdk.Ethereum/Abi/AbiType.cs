using System.Collections.ObjectModel;

namespace Maxxit.Sdk.Ethereum.Abi;

/// <summary>
/// A Solidity ABI type such as <c>uint256</c>, <c>bytes32</c>, <c>address[]</c> or <c>(uint256,string)[2]</c>.
/// Immutable; equal when the canonical names are equal.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    private AbiType(AbiTypeKind kind, int size, AbiType? element, IReadOnlyList<AbiType> components, string name)
    {
        Kind = kind;
        Size = size;
        ElementType = element;
        Components = components;
        CanonicalName = name;
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array => true,
            AbiTypeKind.FixedArray => element!.IsDynamic,
            AbiTypeKind.Tuple => components.Any(c => c.IsDynamic),
            _ => false,
        };
        StaticSize = IsDynamic ? 0 : kind switch
        {
            AbiTypeKind.FixedArray => checked(size * element!.StaticSize),
            AbiTypeKind.Tuple => components.Sum(c => c.StaticSize),
            _ => AbiWord.Size,
        };
    }

    /// <summary>The <c>address</c> type.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, [], "address");

    /// <summary>The <c>bool</c> type.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, [], "bool");

    /// <summary>The <c>string</c> type.</summary>
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, [], "string");

    /// <summary>The dynamic <c>bytes</c> type.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, [], "bytes");

    /// <summary>The <c>uint256</c> type.</summary>
    public static AbiType UInt256 { get; } = UInt(256);

    /// <summary>What family the type belongs to.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bits for integers, N for <c>bytesN</c>, k for <c>T[k]</c>; otherwise 0.</summary>
    public int Size { get; }

    /// <summary>The element type of an array, otherwise <see langword="null"/>.</summary>
    public AbiType? ElementType { get; }

    /// <summary>The component types of a tuple, otherwise empty.</summary>
    public IReadOnlyList<AbiType> Components { get; }

    /// <summary>The canonical name used in signatures, e.g. <c>(uint256,bool)[]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>Whether values are encoded out of line (behind an offset).</summary>
    public bool IsDynamic { get; }

    internal int StaticSize { get; }

    /// <summary>Creates <c>uintN</c>.</summary>
    /// <param name="bits">8 to 256, a multiple of 8.</param>
    /// <returns>The type.</returns>
    /// <exception cref="EthereumFormatException">The width is invalid.</exception>
    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, RequireBits(bits), null, [], $"uint{bits}");

    /// <summary>Creates <c>intN</c>.</summary>
    /// <param name="bits">8 to 256, a multiple of 8.</param>
    /// <returns>The type.</returns>
    /// <exception cref="EthereumFormatException">The width is invalid.</exception>
    public static AbiType Int(int bits) => new(AbiTypeKind.Int, RequireBits(bits), null, [], $"int{bits}");

    /// <summary>Creates <c>bytesN</c>.</summary>
    /// <param name="length">1 to 32.</param>
    /// <returns>The type.</returns>
    /// <exception cref="EthereumFormatException">The length is invalid.</exception>
    public static AbiType FixedBytes(int length) => length is >= 1 and <= 32
        ? new(AbiTypeKind.FixedBytes, length, null, [], $"bytes{length}")
        : throw new EthereumFormatException($"bytesN needs 1 <= N <= 32 but N was {length}.", nameof(length));

    /// <summary>Creates the dynamic array <c>T[]</c>.</summary>
    /// <param name="element">The element type.</param>
    /// <returns>The type.</returns>
    public static AbiType ArrayOf(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(AbiTypeKind.Array, 0, element, [], element.CanonicalName + "[]");
    }

    /// <summary>Creates the fixed-length array <c>T[k]</c>.</summary>
    /// <param name="element">The element type.</param>
    /// <param name="length">k, at least 1.</param>
    /// <returns>The type.</returns>
    /// <exception cref="EthereumFormatException">The length is less than 1.</exception>
    public static AbiType FixedArrayOf(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length < 1)
        {
            throw new EthereumFormatException($"A fixed array needs at least one element but k was {length}.", nameof(length));
        }

        return new(AbiTypeKind.FixedArray, length, element, [], $"{element.CanonicalName}[{length}]");
    }

    /// <summary>Creates the tuple <c>(T1,...,Tn)</c>.</summary>
    /// <param name="components">The component types, in order.</param>
    /// <returns>The type.</returns>
    public static AbiType Tuple(params IEnumerable<AbiType> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var list = components.ToArray();
        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentException("Tuple components must not be null.", nameof(components));
        }

        return new(AbiTypeKind.Tuple, 0, null, new ReadOnlyCollection<AbiType>(list),
            "(" + string.Join(',', list.Select(c => c.CanonicalName)) + ")");
    }

    /// <summary>Parses one type, e.g. <c>uint256</c>, <c>bytes32[]</c>, <c>(address,uint96)[2]</c>; <c>uint</c>/<c>int</c> mean 256 bits.</summary>
    /// <param name="type">The type text.</param>
    /// <returns>The type.</returns>
    /// <exception cref="EthereumFormatException">The text is not a valid ABI type.</exception>
    public static AbiType Parse(string type) => AbiSignatureParser.ParseSingleType(type, nameof(type));

    /// <summary>Parses a comma-separated list of types such as <c>uint256,bool</c> (an empty string is an empty list).</summary>
    /// <param name="types">The type list; a parenthesised entry is a tuple.</param>
    /// <returns>The types in order.</returns>
    /// <exception cref="EthereumFormatException">An entry is not a valid ABI type.</exception>
    public static IReadOnlyList<AbiType> ParseList(string types) =>
        AbiSignatureParser.ParseTypeList(types, nameof(types));

    /// <inheritdoc />
    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AbiType);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    /// <summary>Returns <see cref="CanonicalName"/>.</summary>
    /// <returns>The canonical name.</returns>
    public override string ToString() => CanonicalName;

    private static int RequireBits(int bits) => bits is >= 8 and <= 256 && bits % 8 == 0
        ? bits
        : throw new EthereumFormatException($"Integer width must be a multiple of 8 from 8 to 256 but was {bits}.", nameof(bits));
}
