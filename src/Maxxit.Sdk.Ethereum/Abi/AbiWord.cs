using System.Numerics;

namespace Maxxit.Sdk.Ethereum.Abi;

// 32-byte word encoding shared by the ABI codec and EIP-712: both pad atomic values to one word
// with identical rules, so the range checks live in one place.
internal static class AbiWord
{
    internal const int Size = 32;

    internal static void WriteUInt(BigInteger value, int bits, Span<byte> word, string field)
    {
        if (value.Sign < 0)
        {
            throw new EthereumFormatException($"uint{bits} value must not be negative.", field);
        }

        if (value.GetBitLength() > bits)
        {
            throw new EthereumFormatException($"Value does not fit in uint{bits}.", field);
        }

        word[..Size].Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word[(Size - length)..Size], out _, isUnsigned: true, isBigEndian: true);
    }

    internal static void WriteUInt(ulong value, Span<byte> word)
    {
        word[..Size].Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(word[(Size - 8)..], value);
    }

    internal static void WriteInt(BigInteger value, int bits, Span<byte> word, string field)
    {
        var limit = BigInteger.One << (bits - 1);
        if (value >= limit || value < -limit)
        {
            throw new EthereumFormatException($"Value does not fit in int{bits}.", field);
        }

        word[..Size].Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        var length = value.GetByteCount();
        value.TryWriteBytes(word[(Size - length)..Size], out _, isUnsigned: false, isBigEndian: true);
    }

    internal static BigInteger ReadUInt(ReadOnlySpan<byte> word, int bits, string field)
    {
        var value = new BigInteger(word[..Size], isUnsigned: true, isBigEndian: true);
        if (value.GetBitLength() > bits)
        {
            throw new EthereumFormatException($"Word does not hold a valid uint{bits}.", field);
        }

        return value;
    }

    internal static BigInteger ReadInt(ReadOnlySpan<byte> word, int bits, string field)
    {
        var value = new BigInteger(word[..Size], isUnsigned: false, isBigEndian: true);
        var limit = BigInteger.One << (bits - 1);
        if (value >= limit || value < -limit)
        {
            throw new EthereumFormatException($"Word does not hold a valid sign-extended int{bits}.", field);
        }

        return value;
    }

    internal static void WriteAddress(EthereumAddress address, Span<byte> word)
    {
        word[..12].Clear();
        address.WriteTo(word[12..Size]);
    }

    internal static void WriteBool(bool value, Span<byte> word)
    {
        word[..Size].Clear();
        word[Size - 1] = value ? (byte)1 : (byte)0;
    }

    internal static void WriteFixedBytes(ReadOnlySpan<byte> value, int length, Span<byte> word, string field)
    {
        if (value.Length != length)
        {
            throw new EthereumFormatException($"bytes{length} needs exactly {length} bytes but got {value.Length}.", field);
        }

        word[..Size].Clear();
        value.CopyTo(word);
    }
}
