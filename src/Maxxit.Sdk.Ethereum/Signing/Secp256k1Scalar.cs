using NBitcoin.Secp256k1;

namespace Maxxit.Sdk.Ethereum.Signing;

// Range checks on 32-byte big-endian secp256k1 scalars, on the library's constant-time Scalar type so that
// checking a private key does not branch on its bits.
internal static class Secp256k1Scalar
{
    internal const int Length = 32;

    /// <summary>Whether the bytes are a scalar in [1, n-1] for the curve order n.</summary>
    internal static bool IsInRange(ReadOnlySpan<byte> bigEndian32)
    {
        var scalar = new Scalar(bigEndian32, out var overflow);
        var valid = overflow == 0 && !scalar.IsZero;
        Scalar.Clear(ref scalar);
        return valid;
    }

    /// <summary>Whether the scalar (assumed below n) is at most n/2, the low half Ethereum requires of s.</summary>
    internal static bool IsLow(ReadOnlySpan<byte> bigEndian32) => !new Scalar(bigEndian32, out _).IsHigh;

    /// <summary>Writes <paramref name="hash"/> mod n, the RFC 6979 <c>bits2octets</c> of a 256-bit hash.</summary>
    internal static void ReduceModOrder(ReadOnlySpan<byte> hash, Span<byte> destination32)
    {
        var scalar = new Scalar(hash, out _);
        scalar.WriteToSpan(destination32);
    }
}
