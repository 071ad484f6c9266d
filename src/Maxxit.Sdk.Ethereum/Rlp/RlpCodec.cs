namespace Maxxit.Sdk.Ethereum.Rlp;

/// <summary>Recursive Length Prefix encoding and strict (canonical-only) decoding.</summary>
public static class RlpCodec
{
    /// <summary>Deepest list nesting accepted by <see cref="Decode"/>, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 256;

    /// <summary>Encodes an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The RLP bytes.</returns>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = new byte[EncodedLength(item)];
        Write(item, output);
        return output;
    }

    /// <summary>Number of bytes <see cref="Encode"/> produces for <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The encoded length.</returns>
    public static int EncodedLength(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsList)
        {
            var bytes = item.RawBytes;
            return bytes.Length == 1 && bytes[0] < 0x80 ? 1 : HeaderLength(bytes.Length) + bytes.Length;
        }

        var payload = PayloadLength(item);
        return HeaderLength(payload) + payload;
    }

    /// <summary>
    /// Decodes exactly one item that spans all of <paramref name="data"/>. Only canonical encodings are
    /// accepted: the shortest header for each length, single bytes below 0x80 not wrapped, no leading
    /// zeros in lengths.
    /// </summary>
    /// <param name="data">The RLP bytes.</param>
    /// <returns>The item.</returns>
    /// <exception cref="RlpFormatException">The input is truncated, has trailing bytes, nests too deeply or is non-canonical.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> data)
    {
        var position = 0;
        var item = Read(data, ref position, data.Length, 0);
        if (position != data.Length)
        {
            throw new RlpFormatException($"{data.Length - position} trailing byte(s) after the RLP item.", nameof(data), position);
        }

        return item;
    }

    private static int PayloadLength(RlpItem list)
    {
        var total = 0;
        foreach (var child in list.RawItems)
        {
            total = checked(total + EncodedLength(child));
        }

        return total;
    }

    private static int HeaderLength(int payloadLength) => payloadLength <= 55 ? 1 : 1 + ByteCount(payloadLength);

    private static int ByteCount(int value)
    {
        var count = 0;
        for (var v = (uint)value; v != 0; v >>= 8)
        {
            count++;
        }

        return count;
    }

    private static int Write(RlpItem item, Span<byte> output)
    {
        if (!item.IsList)
        {
            var bytes = item.RawBytes;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                output[0] = bytes[0];
                return 1;
            }

            var header = WriteHeader(0x80, bytes.Length, output);
            bytes.CopyTo(output[header..]);
            return header + bytes.Length;
        }

        var written = WriteHeader(0xC0, PayloadLength(item), output);
        foreach (var child in item.RawItems)
        {
            written += Write(child, output[written..]);
        }

        return written;
    }

    private static int WriteHeader(byte offset, int length, Span<byte> output)
    {
        if (length <= 55)
        {
            output[0] = (byte)(offset + length);
            return 1;
        }

        var count = ByteCount(length);
        output[0] = (byte)(offset + 55 + count);
        for (var i = count; i >= 1; i--)
        {
            output[i] = (byte)length;
            length >>= 8;
        }

        return 1 + count;
    }

    // Works on the whole input with an explicit end bound so error offsets are absolute.
    private static RlpItem Read(ReadOnlySpan<byte> data, ref int position, int end, int depth)
    {
        var start = position;
        if (position >= end)
        {
            throw new RlpFormatException("Input ended where an RLP item was expected.", nameof(data), start);
        }

        var prefix = data[position++];
        if (prefix < 0x80)
        {
            return RlpItem.FromBytes(data.Slice(start, 1));
        }

        var isList = prefix >= 0xC0;
        var shortLimit = isList ? 0xF7 : 0xB7;
        int length;
        if (prefix <= shortLimit)
        {
            length = prefix - (isList ? 0xC0 : 0x80);
        }
        else
        {
            var lengthOfLength = prefix - shortLimit;
            if (lengthOfLength > 4)
            {
                throw new RlpFormatException($"RLP length field of {lengthOfLength} bytes is too large.", nameof(data), start);
            }

            if (end - position < lengthOfLength)
            {
                throw new RlpFormatException("Input ended inside an RLP length field.", nameof(data), start);
            }

            if (data[position] == 0)
            {
                throw new RlpFormatException("RLP length has a leading zero byte (non-canonical).", nameof(data), start);
            }

            long longLength = 0;
            for (var i = 0; i < lengthOfLength; i++)
            {
                longLength = (longLength << 8) | data[position++];
            }

            if (longLength <= 55)
            {
                throw new RlpFormatException("RLP long form used for a length of 55 or less (non-canonical).", nameof(data), start);
            }

            if (longLength > end - position)
            {
                throw new RlpFormatException(
                    $"RLP item declares {longLength} byte(s) but only {end - position} remain.", nameof(data), start);
            }

            length = (int)longLength;
        }

        if (end - position < length)
        {
            throw new RlpFormatException(
                $"RLP item declares {length} byte(s) but only {end - position} remain.", nameof(data), start);
        }

        var payloadStart = position;
        position += length;
        if (!isList)
        {
            if (length == 1 && data[payloadStart] < 0x80)
            {
                throw new RlpFormatException("Single byte below 0x80 wrapped in a string header (non-canonical).", nameof(data), start);
            }

            return RlpItem.FromBytes(data.Slice(payloadStart, length));
        }

        if (depth >= MaxDepth)
        {
            throw new RlpFormatException($"RLP lists nest deeper than {MaxDepth} levels.", nameof(data), start);
        }

        var children = new List<RlpItem>();
        var inner = payloadStart;
        while (inner < position)
        {
            children.Add(Read(data, ref inner, position, depth + 1));
        }

        return RlpItem.List(children);
    }
}
