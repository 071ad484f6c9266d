using System.Runtime.CompilerServices;

namespace Maxxit.Sdk.Ethereum.Signing;

// An element of the secp256k1 base field GF(p), p = 2^256 - 2^32 - 977, as four little-endian 64-bit limbs,
// always fully reduced (< p). A value type with no allocations: the fixed-base multiplication that
// dominates signing runs on these instead of BouncyCastle's heap-allocated field elements.
// Arithmetic is branch-free in the operands (carries become masks) so timing does not depend on secrets.
internal readonly struct FieldElement
{
    // 2^256 mod p: reduction folds the high half back in multiplied by this.
    private const ulong C = 0x1000003D1UL;

    internal readonly ulong L0;
    internal readonly ulong L1;
    internal readonly ulong L2;
    internal readonly ulong L3;

    internal FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    internal static FieldElement One => new(1, 0, 0, 0);

    internal bool IsZero => (L0 | L1 | L2 | L3) == 0;

    internal bool IsOdd => (L0 & 1) != 0;

    /// <summary>Reads 32 big-endian bytes; the caller guarantees the value is below p.</summary>
    internal static FieldElement FromBigEndian(ReadOnlySpan<byte> bytes) => new(
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes));

    internal void WriteBigEndian(Span<byte> destination)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, L3);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[8..], L2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[16..], L1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[24..], L0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Add(in FieldElement a, in FieldElement b)
    {
        ulong carry = 0;
        var s0 = Adc(a.L0, b.L0, ref carry);
        var s1 = Adc(a.L1, b.L1, ref carry);
        var s2 = Adc(a.L2, b.L2, ref carry);
        var s3 = Adc(a.L3, b.L3, ref carry);

        // s + C overflows exactly when the true sum is >= p; either overflow means "subtract p".
        ulong carry2 = 0;
        var t0 = Adc(s0, C, ref carry2);
        var t1 = Adc(s1, 0, ref carry2);
        var t2 = Adc(s2, 0, ref carry2);
        var t3 = Adc(s3, 0, ref carry2);
        var mask = 0UL - (carry | carry2);
        return new((t0 & mask) | (s0 & ~mask), (t1 & mask) | (s1 & ~mask), (t2 & mask) | (s2 & ~mask), (t3 & mask) | (s3 & ~mask));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Subtract(in FieldElement a, in FieldElement b)
    {
        ulong borrow = 0;
        var d0 = Sbb(a.L0, b.L0, ref borrow);
        var d1 = Sbb(a.L1, b.L1, ref borrow);
        var d2 = Sbb(a.L2, b.L2, ref borrow);
        var d3 = Sbb(a.L3, b.L3, ref borrow);

        // On borrow the wrapped result is a - b + 2^256; adding p is the same as subtracting C.
        ulong borrow2 = 0;
        var t0 = Sbb(d0, C, ref borrow2);
        var t1 = Sbb(d1, 0, ref borrow2);
        var t2 = Sbb(d2, 0, ref borrow2);
        var t3 = Sbb(d3, 0, ref borrow2);
        var mask = 0UL - borrow;
        return new((t0 & mask) | (d0 & ~mask), (t1 & mask) | (d1 & ~mask), (t2 & mask) | (d2 & ~mask), (t3 & mask) | (d3 & ~mask));
    }

    // Squaring computes each cross product once and adds it twice: 10 limb products instead of 16.
    internal static FieldElement Square(in FieldElement a)
    {
        var p00 = Math.BigMul(a.L0, a.L0);
        var p01 = Math.BigMul(a.L0, a.L1);
        var p02 = Math.BigMul(a.L0, a.L2);
        var p03 = Math.BigMul(a.L0, a.L3);
        var p11 = Math.BigMul(a.L1, a.L1);
        var p12 = Math.BigMul(a.L1, a.L2);
        var p13 = Math.BigMul(a.L1, a.L3);
        var p22 = Math.BigMul(a.L2, a.L2);
        var p23 = Math.BigMul(a.L2, a.L3);
        var p33 = Math.BigMul(a.L3, a.L3);

        ulong c1 = Lo(p01), h1 = 0;
        Acc(ref c1, ref h1, Lo(p01));
        Acc(ref c1, ref h1, Hi(p00));

        ulong c2 = Lo(p02), h2 = 0;
        Acc(ref c2, ref h2, Lo(p02));
        Acc(ref c2, ref h2, Lo(p11));
        Acc(ref c2, ref h2, Hi(p01));
        Acc(ref c2, ref h2, Hi(p01));

        ulong c3 = Lo(p03), h3 = 0;
        Acc(ref c3, ref h3, Lo(p03));
        Acc(ref c3, ref h3, Lo(p12));
        Acc(ref c3, ref h3, Lo(p12));
        Acc(ref c3, ref h3, Hi(p02));
        Acc(ref c3, ref h3, Hi(p02));
        Acc(ref c3, ref h3, Hi(p11));

        ulong c4 = Lo(p13), h4 = 0;
        Acc(ref c4, ref h4, Lo(p13));
        Acc(ref c4, ref h4, Lo(p22));
        Acc(ref c4, ref h4, Hi(p03));
        Acc(ref c4, ref h4, Hi(p03));
        Acc(ref c4, ref h4, Hi(p12));
        Acc(ref c4, ref h4, Hi(p12));

        ulong c5 = Lo(p23), h5 = 0;
        Acc(ref c5, ref h5, Lo(p23));
        Acc(ref c5, ref h5, Hi(p13));
        Acc(ref c5, ref h5, Hi(p13));
        Acc(ref c5, ref h5, Hi(p22));

        ulong c6 = Lo(p33), h6 = 0;
        Acc(ref c6, ref h6, Hi(p23));
        Acc(ref c6, ref h6, Hi(p23));

        return Propagate(Lo(p00), c1, h1, c2, h2, c3, h3, c4, h4, c5, h5, c6, h6, Hi(p33));
    }

    // Limb products are summed per result column in independent 128-bit accumulators, so the columns
    // proceed in parallel; carries between columns are resolved once at the end.
    internal static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        var p00 = Math.BigMul(a.L0, b.L0);
        var p01 = Math.BigMul(a.L0, b.L1);
        var p02 = Math.BigMul(a.L0, b.L2);
        var p03 = Math.BigMul(a.L0, b.L3);
        var p10 = Math.BigMul(a.L1, b.L0);
        var p11 = Math.BigMul(a.L1, b.L1);
        var p12 = Math.BigMul(a.L1, b.L2);
        var p13 = Math.BigMul(a.L1, b.L3);
        var p20 = Math.BigMul(a.L2, b.L0);
        var p21 = Math.BigMul(a.L2, b.L1);
        var p22 = Math.BigMul(a.L2, b.L2);
        var p23 = Math.BigMul(a.L2, b.L3);
        var p30 = Math.BigMul(a.L3, b.L0);
        var p31 = Math.BigMul(a.L3, b.L1);
        var p32 = Math.BigMul(a.L3, b.L2);
        var p33 = Math.BigMul(a.L3, b.L3);

        ulong c1 = Lo(p01), h1 = 0;
        Acc(ref c1, ref h1, Lo(p10));
        Acc(ref c1, ref h1, Hi(p00));

        ulong c2 = Lo(p02), h2 = 0;
        Acc(ref c2, ref h2, Lo(p11));
        Acc(ref c2, ref h2, Lo(p20));
        Acc(ref c2, ref h2, Hi(p01));
        Acc(ref c2, ref h2, Hi(p10));

        ulong c3 = Lo(p03), h3 = 0;
        Acc(ref c3, ref h3, Lo(p12));
        Acc(ref c3, ref h3, Lo(p21));
        Acc(ref c3, ref h3, Lo(p30));
        Acc(ref c3, ref h3, Hi(p02));
        Acc(ref c3, ref h3, Hi(p11));
        Acc(ref c3, ref h3, Hi(p20));

        ulong c4 = Lo(p13), h4 = 0;
        Acc(ref c4, ref h4, Lo(p22));
        Acc(ref c4, ref h4, Lo(p31));
        Acc(ref c4, ref h4, Hi(p03));
        Acc(ref c4, ref h4, Hi(p12));
        Acc(ref c4, ref h4, Hi(p21));
        Acc(ref c4, ref h4, Hi(p30));

        ulong c5 = Lo(p23), h5 = 0;
        Acc(ref c5, ref h5, Lo(p32));
        Acc(ref c5, ref h5, Hi(p13));
        Acc(ref c5, ref h5, Hi(p22));
        Acc(ref c5, ref h5, Hi(p31));

        ulong c6 = Lo(p33), h6 = 0;
        Acc(ref c6, ref h6, Hi(p23));
        Acc(ref c6, ref h6, Hi(p32));

        return Propagate(Lo(p00), c1, h1, c2, h2, c3, h3, c4, h4, c5, h5, c6, h6, Hi(p33));
    }

    // Each column is (c, h) = c + h * 2^64 with h small; folds h into the next column, then reduces.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Propagate(
        ulong t0, ulong c1, ulong h1, ulong c2, ulong h2, ulong c3, ulong h3,
        ulong c4, ulong h4, ulong c5, ulong h5, ulong c6, ulong h6, ulong c7)
    {
        ulong carry = 0;
        var t2 = Adc(c2, h1, ref carry);
        var t3 = Adc(c3, h2, ref carry);
        var t4 = Adc(c4, h3, ref carry);
        var t5 = Adc(c5, h4, ref carry);
        var t6 = Adc(c6, h5, ref carry);
        var t7 = c7 + h6 + carry;
        return Reduce(t0, c1, t2, t3, t4, t5, t6, t7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Lo(UInt128 value) => (ulong)value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hi(UInt128 value) => (ulong)(value >> 64);

    // lo += x, counting the carry into hi, branch-free.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Acc(ref ulong lo, ref ulong hi, ulong x)
    {
        var s = lo + x;
        hi += ((lo & x) | ((lo | x) & ~s)) >> 63;
        lo = s;
    }

    // Reduces a 512-bit value t modulo p using 2^256 = C (mod p), twice, then one conditional subtraction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        ulong carry = 0;
        var u0 = MulAddLimb(t4, C, t0, ref carry);
        var u1 = MulAddLimb(t5, C, t1, ref carry);
        var u2 = MulAddLimb(t6, C, t2, ref carry);
        var u3 = MulAddLimb(t7, C, t3, ref carry);
        var u4 = carry; // < 2^34

        carry = 0;
        var v0 = MulAddLimb(u4, C, u0, ref carry);
        var v1 = Adc(u1, 0, ref carry);
        var v2 = Adc(u2, 0, ref carry);
        var v3 = Adc(u3, 0, ref carry);

        // A carry out of bit 256 is worth C; the value is then tiny, so this cannot carry again.
        var extra = C & (0UL - carry);
        carry = 0;
        v0 = Adc(v0, extra, ref carry);
        v1 = Adc(v1, 0, ref carry);
        v2 = Adc(v2, 0, ref carry);
        v3 = Adc(v3, 0, ref carry);

        ulong carry2 = 0;
        var w0 = Adc(v0, C, ref carry2);
        var w1 = Adc(v1, 0, ref carry2);
        var w2 = Adc(v2, 0, ref carry2);
        var w3 = Adc(v3, 0, ref carry2);
        var mask = 0UL - carry2;
        return new((w0 & mask) | (v0 & ~mask), (w1 & mask) | (v1 & ~mask), (w2 & mask) | (v2 & ~mask), (w3 & mask) | (v3 & ~mask));
    }

    // Carries and borrows use the sign-bit identities instead of comparisons so the JIT emits no
    // branches (a mispredicted branch per limb would dominate, and would leak timing).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Adc(ulong a, ulong b, ref ulong carry)
    {
        var s = a + b + carry;
        carry = ((a & b) | ((a | b) & ~s)) >> 63;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Sbb(ulong a, ulong b, ref ulong borrow)
    {
        var d = a - b - borrow;
        borrow = ((~a & b) | ((~a | b) & d)) >> 63;
        return d;
    }

    // Returns the low limb of a * b + addend + carry and leaves the high limb in carry.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAddLimb(ulong a, ulong b, ulong addend, ref ulong carry)
    {
        var product = Math.BigMul(a, b);
        var hi = (ulong)(product >> 64);
        var lo = (ulong)product;
        ulong c = 0;
        lo = Adc(lo, addend, ref c);
        hi += c;
        c = 0;
        lo = Adc(lo, carry, ref c);
        carry = hi + c;
        return lo;
    }
}
