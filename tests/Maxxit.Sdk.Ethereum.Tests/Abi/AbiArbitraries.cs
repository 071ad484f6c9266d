using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ethereum.Tests.Abi;

// A random ABI type (nested arrays and tuples, static and dynamic) together with a random value of
// that type, in the shapes the decoder returns, so decode(encode(v)) can be compared to v directly.
public sealed record TypedValue(AbiType Type, object? Value)
{
    public override string ToString() => $"{Type} = {AbiValues.Show(Value)}";
}

public static class AbiArbitraries
{
    public static Arbitrary<TypedValue> TypedValues() =>
        Arb.From(Gen.Sized(size => TypeGen(Math.Min(size / 20, 3))).SelectMany(t => ValueGen(t).Select(v => new TypedValue(t, v))));

    private static Gen<AbiType> TypeGen(int depth)
    {
        var width = Gen.Choose(1, 32).Select(n => n * 8);
        var elementary = Gen.OneOf(
            width.Select(AbiType.UInt),
            width.Select(AbiType.Int),
            Gen.Constant(AbiType.Address),
            Gen.Constant(AbiType.Bool),
            Gen.Constant(AbiType.Bytes),
            Gen.Constant(AbiType.String),
            Gen.Choose(1, 32).Select(AbiType.FixedBytes));
        if (depth <= 0)
        {
            return elementary;
        }

        var inner = TypeGen(depth - 1);
        return Gen.Frequency(
            (4, elementary),
            (1, inner.Select(AbiType.ArrayOf)),
            (1, inner.SelectMany(e => Gen.Choose(1, 3).Select(k => AbiType.FixedArrayOf(e, k)))),
            (1, Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(inner, n)).Select(cs => AbiType.Tuple(cs))));
    }

    private static Gen<object?> ValueGen(AbiType type)
    {
        var anyByte = Gen.Choose(0, 255).Select(b => (byte)b);
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                return Gen.ArrayOf(anyByte, type.Size / 8)
                    .Select(b => (object?)new BigInteger(b, isUnsigned: true, isBigEndian: true));
            case AbiTypeKind.Int:
                return Gen.ArrayOf(anyByte, type.Size / 8)
                    .Select(b => (object?)new BigInteger(b, isUnsigned: false, isBigEndian: true));
            case AbiTypeKind.Address:
                return Gen.ArrayOf(anyByte, 20).Select(b => (object?)EthereumAddress.FromBytes(b));
            case AbiTypeKind.Bool:
                return Gen.Elements(true, false).Select(b => (object?)b);
            case AbiTypeKind.FixedBytes:
                return Gen.ArrayOf(anyByte, type.Size).Select(b => (object?)b);
            case AbiTypeKind.Bytes:
                return Gen.Choose(0, 80).SelectMany(n => Gen.ArrayOf(anyByte, n)).Select(b => (object?)b);
            case AbiTypeKind.String:
                // Letters, CJK and an astral-plane emoji (a surrogate pair) to exercise multi-byte UTF-8.
                var piece = Gen.Elements("a", "Z", " ", "é", "中", "😀", "0");
                return Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(piece, n)).Select(p => (object?)string.Concat(p));
            case AbiTypeKind.Array:
                return Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(ValueGen(type.ElementType!), n)).Select(a => (object?)a);
            case AbiTypeKind.FixedArray:
                return Gen.ArrayOf(ValueGen(type.ElementType!), type.Size).Select(a => (object?)a);
            default:
                return Gen.CollectToArray(type.Components, ValueGen).Select(a => (object?)a);
        }
    }
}

public static class AbiValues
{
    public static bool DeepEqual(object? a, object? b) => (a, b) switch
    {
        (object?[] x, object?[] y) => x.Length == y.Length && x.Zip(y).All(p => DeepEqual(p.First, p.Second)),
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        _ => Equals(a, b),
    };

    public static string Show(object? value) => value switch
    {
        object?[] items => "[" + string.Join(", ", items.Select(Show)) + "]",
        byte[] bytes => Hex.Encode(bytes),
        string s => $"\"{s}\"",
        _ => value?.ToString() ?? "null",
    };
}
