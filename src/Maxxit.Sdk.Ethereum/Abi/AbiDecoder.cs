using System.Text;

namespace Maxxit.Sdk.Ethereum.Abi;

// Strict decoding: every offset and length is bounds-checked before use (so hostile data cannot
// cause huge allocations), and value words must be cleanly padded as the ABI v2 decoder requires.
internal static class AbiDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static object?[] DecodeTuple(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, Func<int, string> path)
    {
        var values = new object?[types.Count];
        var head = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                var offset = ReadLength(data, head, path(i), "offset");
                if (offset > data.Length)
                {
                    throw new EthereumFormatException($"Offset {offset} points past the end of the data ({data.Length} bytes).", path(i));
                }

                values[i] = Decode(type, data[offset..], path(i));
                head += AbiWord.Size;
            }
            else
            {
                if (data.Length - head < type.StaticSize)
                {
                    throw Truncated(path(i));
                }

                values[i] = Decode(type, data.Slice(head, type.StaticSize), path(i));
                head += type.StaticSize;
            }
        }

        return values;
    }

    private static object? Decode(AbiType type, ReadOnlySpan<byte> data, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                return AbiWord.ReadUInt(Word(data, path), type.Size, path);
            case AbiTypeKind.Int:
                return AbiWord.ReadInt(Word(data, path), type.Size, path);
            case AbiTypeKind.Address:
            {
                var word = Word(data, path);
                if (word[..12].ContainsAnyExcept((byte)0))
                {
                    throw new EthereumFormatException("Address word has non-zero upper bytes.", path);
                }

                return EthereumAddress.FromBytes(word[12..]);
            }

            case AbiTypeKind.Bool:
            {
                var word = Word(data, path);
                if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
                {
                    throw new EthereumFormatException("Bool word must be 0 or 1.", path);
                }

                return word[31] == 1;
            }

            case AbiTypeKind.FixedBytes:
            {
                var word = Word(data, path);
                if (word[type.Size..].ContainsAnyExcept((byte)0))
                {
                    throw new EthereumFormatException($"{type} word has non-zero padding.", path);
                }

                return word[..type.Size].ToArray();
            }

            case AbiTypeKind.Bytes:
                return DynamicBytes(data, path).ToArray();
            case AbiTypeKind.String:
                try
                {
                    return StrictUtf8.GetString(DynamicBytes(data, path));
                }
                catch (DecoderFallbackException ex)
                {
                    throw new EthereumFormatException("String is not valid UTF-8.", path, ex);
                }

            case AbiTypeKind.Array:
            {
                var count = ReadLength(data, 0, path, "array length");
                var body = data[AbiWord.Size..];
                var element = type.ElementType!;
                var minimum = (long)count * (element.IsDynamic ? AbiWord.Size : element.StaticSize);
                if (minimum > body.Length)
                {
                    throw new EthereumFormatException($"Array claims {count} element(s), more than the data can hold.", path);
                }

                return DecodeTuple(AbiEncoder.Repeat(element, count), body, i => AbiEncoder.Index(path, i));
            }

            case AbiTypeKind.FixedArray:
                return DecodeTuple(AbiEncoder.Repeat(type.ElementType!, type.Size), data, i => AbiEncoder.Index(path, i));
            case AbiTypeKind.Tuple:
                return DecodeTuple(type.Components, data, i => $"{path}.{i}");
            default:
                throw new InvalidOperationException($"Unhandled ABI type kind {type.Kind}.");
        }
    }

    private static ReadOnlySpan<byte> DynamicBytes(ReadOnlySpan<byte> data, string path)
    {
        var length = ReadLength(data, 0, path, "byte length");
        if (length > data.Length - AbiWord.Size)
        {
            throw new EthereumFormatException($"Byte length {length} runs past the end of the data.", path);
        }

        return data.Slice(AbiWord.Size, length);
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int at, string path, string what)
    {
        if (data.Length - at < AbiWord.Size)
        {
            throw Truncated(path);
        }

        var word = data.Slice(at, AbiWord.Size);
        if (word[..28].ContainsAnyExcept((byte)0) || word[28] >= 0x80)
        {
            throw new EthereumFormatException($"The {what} is too large.", path);
        }

        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(word[28..]);
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, string path) =>
        data.Length >= AbiWord.Size ? data[..AbiWord.Size] : throw Truncated(path);

    private static EthereumFormatException Truncated(string path) => new("ABI data ends too early.", path);
}
