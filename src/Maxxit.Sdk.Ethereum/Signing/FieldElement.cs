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

    // Squaring computes each cross product once and doubles it: 10 limb products instead of 16.
    internal static FieldElement Square(in FieldElement a)
    {
        ulong c0 = 0, c1 = 0, c2 = 0;
        MulAcc(a.L0, a.L0, ref c0, ref c1, ref c2);
        var t0 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc2(a.L0, a.L1, ref c0, ref c1, ref c2);
        var t1 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc2(a.L0, a.L2, ref c0, ref c1, ref c2);
        MulAcc(a.L1, a.L1, ref c0, ref c1, ref c2);
        var t2 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc2(a.L0, a.L3, ref c0, ref c1, ref c2);
        MulAcc2(a.L1, a.L2, ref c0, ref c1, ref c2);
        var t3 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc2(a.L1, a.L3, ref c0, ref c1, ref c2);
        MulAcc(a.L2, a.L2, ref c0, ref c1, ref c2);
        var t4 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc2(a.L2, a.L3, ref c0, ref c1, ref c2);
        var t5 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a.L3, a.L3, ref c0, ref c1, ref c2);
        var t6 = c0;
        var t7 = c1;
        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    internal static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        // Product scanning: column k sums a_i * b_j with i + j = k into the 192-bit accumulator (c0, c1, c2).
        ulong c0 = 0, c1 = 0, c2 = 0;
        MulAcc(a.L0, b.L0, ref c0, ref c1, ref c2);
        var t0 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a.L0, b.L1, ref c0, ref c1, ref c2);
        MulAcc(a.L1, b.L0, ref c0, ref c1, ref c2);
        var t1 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a.L0, b.L2, ref c0, ref c1, ref c2);
        MulAcc(a.L1, b.L1, ref c0, ref c1, ref c2);
        MulAcc(a.L2, b.L0, ref c0, ref c1, ref c2);
        var t2 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a.L0, b.L3, ref c0, ref c1, ref c2);
        MulAcc(a.L1, b.L2, ref c0, ref c1, ref c2);
        MulAcc(a.L2, b.L1, ref c0, ref c1, ref c2);
        MulAcc(a.L3, b.L0, ref c0, ref c1, ref c2);
        var t3 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a.L1, b.L3, ref c0, ref c1, ref c2);
        MulAcc(a.L2, b.L2, ref c0, ref c1, ref c2);
        MulAcc(a.L3, b.L1, ref c0, ref c1, ref c2);
        var t4 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a.L2, b.L3, ref c0, ref c1, ref c2);
        MulAcc(a.L3, b.L2, ref c0, ref c1, ref c2);
        var t5 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a.L3, b.L3, ref c0, ref c1, ref c2);
        var t6 = c0;
        var t7 = c1;
        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    // Reduces a 512-bit value t modulo p using 2^256 = C (mod p), twice, then one conditional subtraction.
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

    // Adds 2 * a * b: the doubled 129-bit product is split across all three accumulator limbs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAcc2(ulong a, ulong b, ref ulong c0, ref ulong c1, ref ulong c2)
    {
        var product = Math.BigMul(a, b);
        var lo = (ulong)product;
        var hi = (ulong)(product >> 64);
        var top = hi >> 63;
        hi = (hi << 1) | (lo >> 63);
        lo <<= 1;
        ulong carry = 0;
        c0 = Adc(c0, lo, ref carry);
        c1 = Adc(c1, hi, ref carry);
        c2 += carry + top;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAcc(ulong a, ulong b, ref ulong c0, ref ulong c1, ref ulong c2)
    {
        var product = Math.BigMul(a, b);
        ulong carry = 0;
        c0 = Adc(c0, (ulong)product, ref carry);
        var hi = (ulong)(product >> 64);
        c1 = Adc(c1, hi, ref carry);
        c2 += carry;
    }
}
