using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Utilities;

namespace Maxxit.Sdk.Ethereum.Signing;

// Fixed-base scalar multiplication k*G, the cost centre of signing and key derivation.
// A table of (i+1) * 64^j * G (j = 0..42, i = 0..63; 176 KiB) is built once with BouncyCastle; a product
// is then 42 mixed Jacobian-affine additions and no doublings. Every window reads all 64 table entries and
// keeps one by masking, so memory access does not depend on the secret scalar. To keep every digit
// non-zero (no point at infinity in the sum) we encode k as m + sum(64^j) and look up digit d_j of m as
// entry d_j, which holds (d_j+1) * 64^j * G.
internal static class Secp256k1BaseMultiplier
{
    private const int WindowBits = 6;
    private const int Windows = 43; // ceil(256 / 6)
    private const int Entries = 1 << WindowBits;

    // n (the group order) and the constant sum(64^j, j=0..42) as little-endian limbs.
    private static readonly ulong[] Order =
        [0xBFD25E8CD0364141UL, 0xBAAEDCE6AF48A03BUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL];

    private static readonly ulong[] DigitOffset = ComputeDigitOffset();

    // x then y of each entry, 4 limbs each: 43 windows * 64 entries * 8 limbs.
    private static readonly ulong[] Table = BuildTable();

    /// <summary>Computes k*G for a scalar 1 &lt;= k &lt; n given as 32 big-endian bytes; returns affine (x, y).</summary>
    internal static (FieldElement X, FieldElement Y) Multiply(ReadOnlySpan<byte> scalar)
    {
        Span<byte> digits = stackalloc byte[Windows];
        try
        {
            OffsetDigits(scalar, digits);
            var x = default(FieldElement);
            var y = default(FieldElement);
            Lookup(0, digits[0], ref x, ref y);
            var acc = new JacobianPoint(x, y, FieldElement.One);
            for (var j = 1; j < Windows; j++)
            {
                Lookup(j, digits[j], ref x, ref y);
                acc = JacobianPoint.AddAffine(acc, x, y);
            }

            return acc.ToAffine();
        }
        finally
        {
            digits.Clear();
        }
    }

    // m = k - sum(64^j) mod n, split into 43 base-64 digits (least significant first).
    private static void OffsetDigits(ReadOnlySpan<byte> scalar, Span<byte> digits)
    {
        Span<ulong> k = stackalloc ulong[4];
        for (var i = 0; i < 4; i++)
        {
            k[i] = BinaryPrimitives.ReadUInt64BigEndian(scalar[(24 - (8 * i))..]);
        }

        ulong borrow = 0;
        for (var i = 0; i < 4; i++)
        {
            var t = k[i] - DigitOffset[i];
            var b1 = k[i] < DigitOffset[i] ? 1UL : 0UL;
            var s = t - borrow;
            var b2 = t < borrow ? 1UL : 0UL;
            k[i] = s;
            borrow = b1 | b2;
        }

        // On borrow add n back (the final carry out of 2^256 is the borrow cancelling).
        var mask = 0UL - borrow;
        ulong carry = 0;
        for (var i = 0; i < 4; i++)
        {
            var addend = Order[i] & mask;
            var t = k[i] + addend;
            var c1 = t < addend ? 1UL : 0UL;
            var s = t + carry;
            var c2 = s < t ? 1UL : 0UL;
            k[i] = s;
            carry = c1 | c2;
        }

        for (var j = 0; j < Windows; j++)
        {
            var bit = j * WindowBits;
            var limb = bit / 64;
            var shift = bit % 64;
            var value = k[limb] >> shift;
            if (shift > 64 - WindowBits && limb < 3)
            {
                value |= k[limb + 1] << (64 - shift);
            }

            digits[j] = (byte)(value & (Entries - 1));
        }

        k.Clear();
    }

    private static void Lookup(int window, int digit, ref FieldElement x, ref FieldElement y)
    {
        var a = Vector128<ulong>.Zero;
        var b = Vector128<ulong>.Zero;
        var c = Vector128<ulong>.Zero;
        var d = Vector128<ulong>.Zero;
        ref var entry = ref MemoryMarshal.GetArrayDataReference(Table);
        entry = ref Unsafe.Add(ref entry, window * Entries * 8);
        for (var i = 0; i < Entries; i++)
        {
            // All-ones when i == digit, else zero, without a data-dependent branch.
            var mask = Vector128.Create(0UL - (ulong)(((uint)(i ^ digit) - 1) >> 31));
            a |= Vector128.LoadUnsafe(ref entry) & mask;
            b |= Vector128.LoadUnsafe(ref entry, 2) & mask;
            c |= Vector128.LoadUnsafe(ref entry, 4) & mask;
            d |= Vector128.LoadUnsafe(ref entry, 6) & mask;
            entry = ref Unsafe.Add(ref entry, 8);
        }

        x = new FieldElement(a.GetElement(0), a.GetElement(1), b.GetElement(0), b.GetElement(1));
        y = new FieldElement(c.GetElement(0), c.GetElement(1), d.GetElement(0), d.GetElement(1));
    }

    private static ulong[] ComputeDigitOffset()
    {
        var sum = System.Numerics.BigInteger.Zero;
        for (var j = 0; j < Windows; j++)
        {
            sum += System.Numerics.BigInteger.One << (WindowBits * j);
        }

        Span<byte> bytes = stackalloc byte[32];
        sum.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return
        [
            BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]),
        ];
    }

    private static ulong[] BuildTable()
    {
        var points = new ECPoint[Windows * Entries];
        var windowBase = Secp256k1Curve.G;
        for (var j = 0; j < Windows; j++)
        {
            var p = windowBase;
            for (var i = 0; i < Entries; i++)
            {
                points[(j * Entries) + i] = p;
                p = p.Add(windowBase);
            }

            windowBase = windowBase.TimesPow2(WindowBits);
        }

        Secp256k1Curve.Curve.NormalizeAll(points);
        var table = new ulong[Windows * Entries * 8];
        Span<byte> buffer = stackalloc byte[32];
        for (var e = 0; e < points.Length; e++)
        {
            Secp256k1Curve.WriteFixed(points[e].AffineXCoord.ToBigInteger(), buffer);
            var x = FieldElement.FromBigEndian(buffer);
            Secp256k1Curve.WriteFixed(points[e].AffineYCoord.ToBigInteger(), buffer);
            var y = FieldElement.FromBigEndian(buffer);
            var slot = table.AsSpan(e * 8, 8);
            (slot[0], slot[1], slot[2], slot[3]) = (x.L0, x.L1, x.L2, x.L3);
            (slot[4], slot[5], slot[6], slot[7]) = (y.L0, y.L1, y.L2, y.L3);
        }

        return table;
    }

    internal static FieldElement Invert(in FieldElement value)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.WriteBigEndian(buffer);
        var inverse = BigIntegers.ModOddInverse(Secp256k1Curve.P, new BigInteger(1, buffer));
        Secp256k1Curve.WriteFixed(inverse, buffer);
        return FieldElement.FromBigEndian(buffer);
    }
}
