using System.Numerics;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Signing;
using Org.BouncyCastle.Crypto.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Maxxit.Sdk.Ethereum.Tests.Signing;

// Our limb arithmetic and fixed-base multiplication checked against BouncyCastle and System.Numerics.
public class Secp256k1BaseMultiplierTests
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger P = BigInteger.Parse(Curve.Curve.Field.Characteristic.ToString());
    private static readonly BigInteger N = BigInteger.Parse(Curve.N.ToString());
    // The multiplier encodes k as m + sum(64^j, j = 0..42); scalars near that offset hit its edge cases.
    private static readonly BigInteger DigitOffset = (BigInteger.Pow(64, 43) - 1) / 63;

    public static TheoryData<string> EdgeScalars()
    {
        var data = new TheoryData<string>();
        foreach (var k in new[]
                 {
                     BigInteger.One, 2, 15, 16, 17, N - 1, N - 2, N / 2, N / 2 + 1,
                     DigitOffset, DigitOffset - 1, DigitOffset + 1,
                     DigitOffset + 63,                   // windows 0 and 1 both contribute 64G: exercises doubling
                     DigitOffset + 63 + (63 * 64),       // a chain of equal partial sums
                     BigInteger.Pow(64, 42), BigInteger.Pow(2, 255), BigInteger.Pow(2, 128) - 1,
                     BigInteger.Pow(2, 64) - 1, BigInteger.Pow(2, 64), (BigInteger.Pow(2, 192) * 3) - 1,
                 })
        {
            data.Add(Hex32(k));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void Edge_scalars_match_bouncycastle(string scalarHex) => AssertMatches(Convert.FromHexString(scalarHex));

    [Property(MaxTest = 200)]
    public bool Random_scalars_match_bouncycastle(byte[] seed)
    {
        var scalar = Maxxit.Sdk.Ethereum.Hashing.Keccak256.Hash(seed);
        var k = new BigInteger(scalar, isUnsigned: true, isBigEndian: true) % N;
        if (k.IsZero)
        {
            return true;
        }

        AssertMatches(Convert.FromHexString(Hex32(k)));
        return true;
    }

    [Property(MaxTest = 500)]
    public bool Field_operations_match_big_integer_arithmetic(byte[] seedA, byte[] seedB)
    {
        var a = ToField(seedA, 0);
        var b = ToField(seedB, 1);
        var fa = FieldElement.FromBigEndian(Convert.FromHexString(Hex32(a)));
        var fb = FieldElement.FromBigEndian(Convert.FromHexString(Hex32(b)));
        return Value(FieldElement.Multiply(fa, fb)) == a * b % P
            && Value(FieldElement.Add(fa, fb)) == (a + b) % P
            && Value(FieldElement.Subtract(fa, fb)) == ((a - b) % P + P) % P
            && Value(FieldElement.Square(fa)) == a * a % P;
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, -1)]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    [InlineData(-2, -3)]
    public void Field_operations_are_right_at_the_edges(int offsetA, int offsetB)
    {
        var a = (P + offsetA) % P;
        var b = (P + offsetB) % P;
        var fa = FieldElement.FromBigEndian(Convert.FromHexString(Hex32(a)));
        var fb = FieldElement.FromBigEndian(Convert.FromHexString(Hex32(b)));
        Assert.Equal(a * b % P, Value(FieldElement.Multiply(fa, fb)));
        Assert.Equal((a + b) % P, Value(FieldElement.Add(fa, fb)));
        Assert.Equal(((a - b) % P + P) % P, Value(FieldElement.Subtract(fa, fb)));
    }

    private static BigInteger ToField(byte[] seed, byte salt)
    {
        var wide = Maxxit.Sdk.Ethereum.Hashing.Keccak256.Hash([.. seed, salt]);
        // Bias some cases towards values just below p, where reductions carry.
        var value = new BigInteger(wide, isUnsigned: true, isBigEndian: true) % P;
        return seed.Length % 3 == 0 ? P - 1 - (value % 1000) : value;
    }

    private static BigInteger Value(FieldElement e)
    {
        var bytes = new byte[32];
        e.WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static string Hex32(BigInteger value) => value.ToString("x64")[^64..];

    private static void AssertMatches(byte[] scalar)
    {
        var (x, y) = Secp256k1BaseMultiplier.Multiply(scalar);
        var expected = Curve.G.Multiply(new BcBigInteger(1, scalar)).Normalize();
        Assert.Equal(expected.AffineXCoord.ToBigInteger().ToString(16), Value(x).ToString("x").TrimStart('0').PadLeft(1, '0'));
        Assert.Equal(expected.AffineYCoord.ToBigInteger().ToString(16), Value(y).ToString("x").TrimStart('0').PadLeft(1, '0'));
    }
}
