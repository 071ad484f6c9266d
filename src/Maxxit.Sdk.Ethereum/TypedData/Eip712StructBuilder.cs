using System.Globalization;
using System.Numerics;
using System.Text;
using Maxxit.Sdk.Ethereum.Abi;
using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sdk.Ethereum.TypedData;

/// <summary>
/// Encodes one EIP-712 struct value member by member (in declaration order) and computes its
/// <c>hashStruct = keccak256(typeHash ‖ encodeData)</c>. Each <c>Add</c> call is checked against the
/// member's declared type, so a mismatch fails with the member's name instead of producing a wrong hash.
/// </summary>
/// <remarks>Not thread-safe; create one per value (they are cheap).</remarks>
public sealed class Eip712StructBuilder
{
    private readonly Eip712Type _type;
    private readonly byte[] _buffer;
    private int _next;

    /// <summary>Starts encoding a value of <paramref name="type"/>.</summary>
    /// <param name="type">The struct type.</param>
    public Eip712StructBuilder(Eip712Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        _buffer = new byte[AbiWord.Size * (1 + type.Fields.Count)];
        type.TypeHash.CopyTo(_buffer);
    }

    /// <summary>Adds a <c>string</c> member (encoded as the keccak-256 of its UTF-8 bytes).</summary>
    /// <param name="value">The text.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var word = Next("string", static t => t == "string");
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var utf8 = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(value, utf8);
        Keccak256.Hash(utf8, word);
        return this;
    }

    /// <summary>Adds a dynamic <c>bytes</c> member (encoded as the keccak-256 of the bytes).</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddBytes(ReadOnlySpan<byte> value)
    {
        Keccak256.Hash(value, Next("bytes", static t => t == "bytes"));
        return this;
    }

    /// <summary>Adds a <c>bytes1</c>..<c>bytes32</c> member; the length must match the declared size.</summary>
    /// <param name="value">Exactly N bytes for a <c>bytesN</c> member.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddFixedBytes(ReadOnlySpan<byte> value)
    {
        var field = PeekField();
        var word = Next("bytes1..bytes32", static t => SizeSuffix(t, "bytes") is >= 1 and <= 32);
        AbiWord.WriteFixedBytes(value, SizeSuffix(field.Type, "bytes"), word, field.Name);
        return this;
    }

    /// <summary>Adds an <c>address</c> member.</summary>
    /// <param name="value">The address.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddAddress(EthereumAddress value)
    {
        AbiWord.WriteAddress(value, Next("address", static t => t == "address"));
        return this;
    }

    /// <summary>Adds a <c>bool</c> member.</summary>
    /// <param name="value">The flag.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddBool(bool value)
    {
        AbiWord.WriteBool(value, Next("bool", static t => t == "bool"));
        return this;
    }

    /// <summary>Adds a <c>uintN</c> member, checking that the value fits in N bits.</summary>
    /// <param name="value">A non-negative integer.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddUInt(BigInteger value)
    {
        var field = PeekField();
        var word = Next("uint8..uint256", static t => IsIntegerType(t, "uint"));
        AbiWord.WriteUInt(value, SizeSuffix(field.Type, "uint"), word, field.Name);
        return this;
    }

    /// <summary>Adds a <c>uintN</c> member from a 64-bit value (e.g. a <c>uint64</c> nonce), checking that it fits.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddUInt(ulong value) => AddUInt(new BigInteger(value));

    /// <summary>Adds an <c>intN</c> member, checking that the value fits in N bits (two's complement).</summary>
    /// <param name="value">The integer.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddInt(BigInteger value)
    {
        var field = PeekField();
        var word = Next("int8..int256", static t => IsIntegerType(t, "int"));
        AbiWord.WriteInt(value, SizeSuffix(field.Type, "int"), word, field.Name);
        return this;
    }

    /// <summary>Adds a nested struct member by its <c>hashStruct</c> (from another builder's <see cref="Hash()"/>).</summary>
    /// <param name="structHash">The 32-byte hash of the nested value.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddStruct(ReadOnlySpan<byte> structHash)
    {
        var field = PeekField();
        var word = Next("a struct type", static t => !t.Contains('[', StringComparison.Ordinal) && !IsAtomic(t));
        CopyHash(structHash, word, field.Name);
        return this;
    }

    /// <summary>
    /// Adds an array member (<c>T[]</c> or <c>T[k]</c>) given the concatenation of its elements' encodings:
    /// one 32-byte word per element (atomic values padded, strings/bytes/structs as their hashes).
    /// </summary>
    /// <param name="encodedElements">The elements' 32-byte encodings, back to back.</param>
    /// <returns>This builder.</returns>
    public Eip712StructBuilder AddArray(ReadOnlySpan<byte> encodedElements)
    {
        var field = PeekField();
        if (encodedElements.Length % AbiWord.Size != 0)
        {
            throw new EthereumFormatException("Array elements must be whole 32-byte words.", field.Name);
        }

        Keccak256.Hash(encodedElements, Next("an array type", static t => t.EndsWith(']')));
        return this;
    }

    /// <summary>Computes <c>hashStruct</c> of the value; every member must have been added.</summary>
    /// <returns>A new 32-byte hash.</returns>
    /// <exception cref="InvalidOperationException">Some members were not added.</exception>
    public byte[] Hash()
    {
        var hash = new byte[Keccak256.HashLength];
        Hash(hash);
        return hash;
    }

    /// <summary>Writes <c>hashStruct</c> of the value into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="InvalidOperationException">Some members were not added.</exception>
    public void Hash(Span<byte> destination)
    {
        if (_next != _type.Fields.Count)
        {
            throw new InvalidOperationException(
                $"'{_type.Name}' has {_type.Fields.Count} members but only {_next} were added; next is '{_type.Fields[_next].Name}'.");
        }

        Keccak256.Hash(_buffer, destination);
    }

    internal static void CopyHash(ReadOnlySpan<byte> hash, Span<byte> word, string field)
    {
        if (hash.Length != AbiWord.Size)
        {
            throw new EthereumFormatException($"A struct hash is 32 bytes but {hash.Length} were given.", field);
        }

        hash.CopyTo(word);
    }

    private Eip712Field PeekField()
    {
        if (_next >= _type.Fields.Count)
        {
            throw new InvalidOperationException($"All {_type.Fields.Count} members of '{_type.Name}' were already added.");
        }

        return _type.Fields[_next];
    }

    private Span<byte> Next(string expected, Func<string, bool> accepts)
    {
        var field = PeekField();
        if (!accepts(field.Type))
        {
            throw new EthereumFormatException(
                $"Member '{field.Name}' of '{_type.Name}' is declared '{field.Type}' but a value for {expected} was added.",
                field.Name);
        }

        _next++;
        return _buffer.AsSpan(AbiWord.Size * _next, AbiWord.Size);
    }

    private static bool IsAtomic(string type) =>
        type is "string" or "bytes" or "address" or "bool"
        || IsIntegerType(type, "uint") || IsIntegerType(type, "int") || SizeSuffix(type, "bytes") > 0;

    private static bool IsIntegerType(string type, string prefix)
    {
        var bits = SizeSuffix(type, prefix);
        return bits is >= 8 and <= 256 && bits % 8 == 0;
    }

    private static int SizeSuffix(string type, string prefix) =>
        type.StartsWith(prefix, StringComparison.Ordinal)
        && type.Length > prefix.Length
        && char.IsAsciiDigit(type[prefix.Length])
        && type[prefix.Length] != '0'
        && int.TryParse(type.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? size
            : 0;
}
