using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sdk.Ethereum.Abi;

/// <summary>
/// Solidity ABI encoding and decoding of value lists.
/// </summary>
/// <remarks>
/// .NET value mapping: <c>uintN</c>/<c>intN</c> ⇄ <see cref="System.Numerics.BigInteger"/> (any built-in integer
/// type is accepted when encoding); <c>address</c> ⇄ <see cref="EthereumAddress"/> (an address string is
/// accepted when encoding); <c>bool</c> ⇄ <see cref="bool"/>; <c>bytes</c>/<c>bytesN</c> ⇄ <c>byte[]</c>
/// (exactly N bytes for <c>bytesN</c>); <c>string</c> ⇄ <see cref="string"/>; arrays and tuples ⇄
/// <c>object?[]</c> (any enumerable, and C# value tuples for tuples, are accepted when encoding).
/// Errors are <see cref="EthereumFormatException"/> whose parameter name is the value's path, e.g. <c>args[2][0].1</c>.
/// </remarks>
public static class AbiCodec
{
    /// <summary>Encodes values as the tuple of <paramref name="types"/> (the layout of call arguments and return data).</summary>
    /// <param name="types">The types.</param>
    /// <param name="values">One value per type.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="EthereumFormatException">A value does not match its type or is out of range.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        return AbiEncoder.EncodeTuple(types, values, i => AbiEncoder.Index("args", i));
    }

    /// <summary>Encodes values given a comma-separated type list, e.g. <c>Encode("uint32,bool", 69u, true)</c>.</summary>
    /// <param name="types">The type list.</param>
    /// <param name="values">One value per type.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="EthereumFormatException">A type is invalid or a value does not match its type.</exception>
    public static byte[] Encode(string types, params object?[] values) => Encode(AbiType.ParseList(types), values);

    /// <summary>Decodes the tuple of <paramref name="types"/> from <paramref name="data"/>.</summary>
    /// <param name="types">The types.</param>
    /// <param name="data">The encoding; extra trailing bytes are ignored.</param>
    /// <returns>One value per type.</returns>
    /// <exception cref="EthereumFormatException">The data is truncated, has out-of-range offsets or badly padded values.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return AbiDecoder.DecodeTuple(types, data, i => AbiEncoder.Index("data", i));
    }

    /// <summary>Decodes values given a comma-separated type list.</summary>
    /// <param name="types">The type list.</param>
    /// <param name="data">The encoding.</param>
    /// <returns>One value per type.</returns>
    /// <exception cref="EthereumFormatException">A type is invalid or the data is malformed.</exception>
    public static object?[] Decode(string types, ReadOnlySpan<byte> data) => Decode(AbiType.ParseList(types), data);

    /// <summary>The 4-byte function selector of a signature such as <c>transfer(address,uint256)</c>.</summary>
    /// <param name="signature">The signature; parameter names are allowed and ignored.</param>
    /// <returns>4 bytes.</returns>
    /// <exception cref="EthereumFormatException">The signature is malformed.</exception>
    public static byte[] Selector(string signature) => new AbiFunction(signature).Selector.ToArray();

    internal static byte[] Keccak(string canonical) => Keccak256.HashUtf8(canonical);
}
