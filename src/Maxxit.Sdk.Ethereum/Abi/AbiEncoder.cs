using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Maxxit.Sdk.Ethereum.Abi;

// Head/tail encoding from the Solidity ABI specification. Values are plain .NET objects; every
// mismatch is reported with a path such as "args[1][2].0" so the caller sees which value is wrong.
internal static class AbiEncoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static byte[] EncodeTuple(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, Func<int, string> path)
    {
        if (types.Count != values.Count)
        {
            throw new EthereumFormatException($"Expected {types.Count} value(s) but got {values.Count}.", path(-1));
        }

        var headSize = 0;
        foreach (var type in types)
        {
            headSize += type.IsDynamic ? AbiWord.Size : type.StaticSize;
        }

        var parts = new byte[types.Count][];
        var total = headSize;
        for (var i = 0; i < types.Count; i++)
        {
            parts[i] = Encode(types[i], values[i], path(i));
            if (types[i].IsDynamic)
            {
                total = checked(total + parts[i].Length);
            }
        }

        var output = new byte[total];
        var head = 0;
        var tail = headSize;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
            {
                AbiWord.WriteUInt((ulong)tail, output.AsSpan(head));
                parts[i].CopyTo(output, tail);
                tail += parts[i].Length;
                head += AbiWord.Size;
            }
            else
            {
                parts[i].CopyTo(output, head);
                head += parts[i].Length;
            }
        }

        return output;
    }

    internal static byte[] Encode(AbiType type, object? value, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            {
                var word = new byte[AbiWord.Size];
                AbiWord.WriteUInt(ToBigInteger(value, type, path), type.Size, word, path);
                return word;
            }

            case AbiTypeKind.Int:
            {
                var word = new byte[AbiWord.Size];
                AbiWord.WriteInt(ToBigInteger(value, type, path), type.Size, word, path);
                return word;
            }

            case AbiTypeKind.Address:
            {
                var address = value switch
                {
                    EthereumAddress a => a,
                    string s => EthereumAddress.TryParse(s, out var parsed)
                        ? parsed
                        : throw new EthereumFormatException("Not a valid address (0x + 40 hex digits, EIP-55 if mixed case).", path),
                    _ => throw Mismatch(type, value, path),
                };
                var word = new byte[AbiWord.Size];
                AbiWord.WriteAddress(address, word);
                return word;
            }

            case AbiTypeKind.Bool:
            {
                var word = new byte[AbiWord.Size];
                AbiWord.WriteBool(value is bool b ? b : throw Mismatch(type, value, path), word);
                return word;
            }

            case AbiTypeKind.FixedBytes:
            {
                var word = new byte[AbiWord.Size];
                AbiWord.WriteFixedBytes(ToBytes(value, type, path).Span, type.Size, word, path);
                return word;
            }

            case AbiTypeKind.Bytes:
                return EncodeDynamicBytes(ToBytes(value, type, path).Span);

            case AbiTypeKind.String:
            {
                var text = value as string ?? throw Mismatch(type, value, path);
                byte[] utf8;
                try
                {
                    utf8 = StrictUtf8.GetBytes(text);
                }
                catch (EncoderFallbackException ex)
                {
                    throw new EthereumFormatException("String is not valid UTF-16 (lone surrogate).", path, ex);
                }

                return EncodeDynamicBytes(utf8);
            }

            case AbiTypeKind.Array:
            {
                var items = ToList(value, type, path);
                var body = EncodeTuple(Repeat(type.ElementType!, items.Count), items, i => Index(path, i));
                var output = new byte[AbiWord.Size + body.Length];
                AbiWord.WriteUInt((ulong)items.Count, output);
                body.CopyTo(output, AbiWord.Size);
                return output;
            }

            case AbiTypeKind.FixedArray:
            {
                var items = ToList(value, type, path);
                if (items.Count != type.Size)
                {
                    throw new EthereumFormatException($"{type} needs exactly {type.Size} element(s) but got {items.Count}.", path);
                }

                return EncodeTuple(Repeat(type.ElementType!, items.Count), items, i => Index(path, i));
            }

            case AbiTypeKind.Tuple:
            {
                var items = value switch
                {
                    ITuple tuple when value is not IList => Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToArray(),
                    _ => ToList(value, type, path),
                };
                return EncodeTuple(type.Components, items, i => i < 0 ? path : $"{path}.{i}");
            }

            default:
                throw new InvalidOperationException($"Unhandled ABI type kind {type.Kind}.");
        }
    }

    internal static string Index(string path, int i) => i < 0 ? path : $"{path}[{i}]";

    internal static AbiType[] Repeat(AbiType type, int count)
    {
        var types = new AbiType[count];
        Array.Fill(types, type);
        return types;
    }

    private static byte[] EncodeDynamicBytes(ReadOnlySpan<byte> bytes)
    {
        var padded = (bytes.Length + 31) / 32 * 32;
        var output = new byte[AbiWord.Size + padded];
        AbiWord.WriteUInt((ulong)bytes.Length, output);
        bytes.CopyTo(output.AsSpan(AbiWord.Size));
        return output;
    }

    private static BigInteger ToBigInteger(object? value, AbiType type, string path) => value switch
    {
        BigInteger b => b,
        byte b => b,
        sbyte b => b,
        short s => s,
        ushort s => s,
        int i => i,
        uint u => u,
        long l => l,
        ulong u => u,
        Int128 i => (BigInteger)i,
        UInt128 u => (BigInteger)u,
        _ => throw Mismatch(type, value, path),
    };

    private static ReadOnlyMemory<byte> ToBytes(object? value, AbiType type, string path) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => memory,
        _ => throw Mismatch(type, value, path),
    };

    private static IReadOnlyList<object?> ToList(object? value, AbiType type, string path) => value switch
    {
        string or null => throw Mismatch(type, value, path),
        IEnumerable enumerable => enumerable.Cast<object?>().ToArray(),
        _ => throw Mismatch(type, value, path),
    };

    private static EthereumFormatException Mismatch(AbiType type, object? value, string path) =>
        new($"A {type} value cannot be encoded from {(value is null ? "null" : value.GetType().Name)}.", path);
}
