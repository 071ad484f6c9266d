using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Maxxit.Sdk.Ethereum.Signing;

// Curve constants built once per process. BouncyCastle's custom secp256k1 implementation serves key
// recovery and table construction; the signing hot path uses Secp256k1BaseMultiplier instead.
internal static class Secp256k1Curve
{
    internal static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    internal static readonly ECCurve Curve = Parameters.Curve;
    internal static readonly ECPoint G = Parameters.G;
    internal static readonly BigInteger N = Parameters.N;
    internal static readonly BigInteger HalfN = N.ShiftRight(1);
    internal static readonly BigInteger P = Curve.Field.Characteristic;
    internal static BigInteger ToBigInteger(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian);

    internal static void WriteFixed(BigInteger value, Span<byte> destination32)
    {
        // BigIntegers.AsUnsignedByteArray would allocate; write right-aligned into the caller's span.
        var length = value.GetLengthofByteArrayUnsigned();
        destination32.Clear();
        value.ToByteArrayUnsigned(destination32[(32 - length)..32]);
    }
}
