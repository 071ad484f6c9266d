namespace Maxxit.Sdk.Ethereum.Signing;

// A secp256k1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3); Z = 0 is the point at infinity.
// Formulas for a = 0 curves from the Explicit-Formulas Database (madd-2007-bl, dbl-2009-l).
internal readonly struct JacobianPoint
{
    internal readonly FieldElement X;
    internal readonly FieldElement Y;
    internal readonly FieldElement Z;

    internal JacobianPoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    internal bool IsInfinity => Z.IsZero;

    internal static JacobianPoint AddAffine(in JacobianPoint p, in FieldElement x2, in FieldElement y2)
    {
        if (p.IsInfinity)
        {
            return new JacobianPoint(x2, y2, FieldElement.One);
        }

        var z1z1 = FieldElement.Square(p.Z);
        var u2 = FieldElement.Multiply(x2, z1z1);
        var s2 = FieldElement.Multiply(y2, FieldElement.Multiply(p.Z, z1z1));
        var h = FieldElement.Subtract(u2, p.X);
        var rHalf = FieldElement.Subtract(s2, p.Y);
        if (h.IsZero)
        {
            // Same x: either the same point (double it) or its negation (the sum is infinity).
            // Reachable only for rare scalars; see Secp256k1BaseMultiplier.
            return rHalf.IsZero ? Double(p) : default;
        }

        var hh = FieldElement.Square(h);
        var i = FieldElement.Add(hh, hh);
        i = FieldElement.Add(i, i);
        var j = FieldElement.Multiply(h, i);
        var r = FieldElement.Add(rHalf, rHalf);
        var v = FieldElement.Multiply(p.X, i);
        var x3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(r), j), FieldElement.Add(v, v));
        var y1j = FieldElement.Multiply(p.Y, j);
        var y3 = FieldElement.Subtract(FieldElement.Multiply(r, FieldElement.Subtract(v, x3)), FieldElement.Add(y1j, y1j));
        var z1h = FieldElement.Add(p.Z, h);
        var z3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(z1h), z1z1), hh);
        return new JacobianPoint(x3, y3, z3);
    }

    internal static JacobianPoint Double(in JacobianPoint p)
    {
        if (p.IsInfinity || p.Y.IsZero)
        {
            return default;
        }

        var a = FieldElement.Square(p.X);
        var b = FieldElement.Square(p.Y);
        var c = FieldElement.Square(b);
        var xb = FieldElement.Add(p.X, b);
        var d = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(xb), a), c);
        d = FieldElement.Add(d, d);
        var e = FieldElement.Add(FieldElement.Add(a, a), a);
        var f = FieldElement.Square(e);
        var x3 = FieldElement.Subtract(f, FieldElement.Add(d, d));
        var c2 = FieldElement.Add(c, c);
        var c4 = FieldElement.Add(c2, c2);
        var c8 = FieldElement.Add(c4, c4);
        var y3 = FieldElement.Subtract(FieldElement.Multiply(e, FieldElement.Subtract(d, x3)), c8);
        var yz = FieldElement.Multiply(p.Y, p.Z);
        var z3 = FieldElement.Add(yz, yz);
        return new JacobianPoint(x3, y3, z3);
    }

    internal (FieldElement X, FieldElement Y) ToAffine()
    {
        if (IsInfinity)
        {
            throw new InvalidOperationException("The point at infinity has no affine coordinates.");
        }

        var zInverse = Secp256k1BaseMultiplier.Invert(Z);
        var zInverse2 = FieldElement.Square(zInverse);
        var x = FieldElement.Multiply(X, zInverse2);
        var y = FieldElement.Multiply(Y, FieldElement.Multiply(zInverse2, zInverse));
        return (x, y);
    }
}
