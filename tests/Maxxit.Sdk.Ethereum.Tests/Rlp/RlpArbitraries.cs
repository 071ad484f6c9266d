using FsCheck;
using FsCheck.Fluent;
using Maxxit.Sdk.Ethereum.Rlp;

namespace Maxxit.Sdk.Ethereum.Tests.Rlp;

// Random RLP trees: byte strings of every header class (single byte, short, long) nested in lists.
public static class RlpArbitraries
{
    public static Arbitrary<RlpItem> Items() => Arb.From(Gen.Sized(Tree));

    private static Gen<RlpItem> Tree(int size)
    {
        var leaf = Gen.Frequency(
            (3, Gen.Choose(0, 255).Select(b => RlpItem.FromBytes([(byte)b]))),
            (3, Gen.Choose(0, 70).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)).Select(b => RlpItem.FromBytes(b))),
            (1, Gen.Choose(200, 1200).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)).Select(b => RlpItem.FromBytes(b))));
        if (size <= 0)
        {
            return leaf;
        }

        var list = Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(Tree(size / 3), n)).Select(items => RlpItem.List(items));
        return Gen.Frequency((2, leaf), (1, list));
    }
}
