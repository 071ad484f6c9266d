using System.Numerics;
using System.Text;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Rlp;

namespace Maxxit.Sdk.Ethereum.Tests.Rlp;

public class RlpCodecTests
{
    private static RlpItem Str(string s) => RlpItem.FromBytes(Encoding.ASCII.GetBytes(s));

    // Examples from the RLP page of the Ethereum documentation (ethereum.org/developers/docs/data-structures-and-encoding/rlp).
    public static TheoryData<RlpItem, string> SpecExamples => new()
    {
        { Str("dog"), "83646f67" },
        { RlpItem.List(Str("cat"), Str("dog")), "c88363617483646f67" },
        { RlpItem.Empty, "80" },
        { RlpItem.List(), "c0" },
        { RlpItem.FromUInt(0), "80" },
        { RlpItem.FromBytes([0x00]), "00" },
        { RlpItem.FromUInt(15), "0f" },
        { RlpItem.FromUInt(1024), "820400" },
        {
            RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List()), RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List()))),
            "c7c0c1c0c3c0c1c0"
        },
        {
            Str("Lorem ipsum dolor sit amet, consectetur adipisicing elit"),
            "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974"
        },
    };

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void Encodes_and_decodes_the_spec_examples(RlpItem item, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(RlpCodec.Encode(item)));
        Assert.Equal(item, RlpCodec.Decode(Convert.FromHexString(hex)));
    }

    [Property(Arbitrary = [typeof(RlpArbitraries)], MaxTest = 300)]
    public bool Decode_of_encode_is_identity(RlpItem item)
    {
        var encoded = RlpCodec.Encode(item);
        return encoded.Length == RlpCodec.EncodedLength(item) && RlpCodec.Decode(encoded).Equals(item);
    }

    [Fact]
    public void Long_list_uses_the_long_header()
    {
        var items = Enumerable.Range(0, 20).Select(_ => Str("abc")).ToArray();
        var encoded = RlpCodec.Encode(RlpItem.List(items));
        Assert.Equal(0xF8, encoded[0]);
        Assert.Equal(80, encoded[1]);
        Assert.Equal(82, encoded.Length);
    }

    [Theory]
    [InlineData("8100", "Single byte")]          // 0x00 must be encoded as itself
    [InlineData("817f", "Single byte")]
    [InlineData("b801ff", "long form")]          // length 1 in long form
    [InlineData("b800", "leading zero")]
    [InlineData("b90038" + "00", "leading zero")]
    [InlineData("f800", "leading zero")]
    [InlineData("f83700", "long form")]
    public void Non_canonical_encodings_are_rejected(string hex, string reason)
    {
        var ex = Assert.Throws<RlpFormatException>(() => RlpCodec.Decode(Convert.FromHexString(hex)));
        Assert.Contains(reason, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("data", ex.ParamName);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("83646f", 0)]          // "dog" missing a byte
    [InlineData("c88363617483646f", 0)]
    [InlineData("c3836361", 0)]        // list claims 3 bytes, child claims 3 more than are left in the list
    [InlineData("b9", 0)]
    public void Truncated_input_is_rejected(string hex, int offset)
    {
        var ex = Assert.Throws<RlpFormatException>(() => RlpCodec.Decode(Convert.FromHexString(hex)));
        Assert.True(ex.Offset >= offset);
    }

    [Fact]
    public void Child_overrunning_its_list_reports_the_child_offset()
    {
        // c2 = list of 2 bytes; inside, 0x83 declares a 3-byte string that runs past the list end.
        var ex = Assert.Throws<RlpFormatException>(() => RlpCodec.Decode(Convert.FromHexString("c283616263")));
        Assert.Equal(1, ex.Offset);
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var ex = Assert.Throws<RlpFormatException>(() => RlpCodec.Decode(Convert.FromHexString("83646f6700")));
        Assert.Equal(4, ex.Offset);
    }

    [Fact]
    public void Excessive_nesting_is_rejected()
    {
        var item = RlpItem.List();
        for (var i = 0; i < RlpCodec.MaxDepth + 1; i++)
        {
            item = RlpItem.List(item);
        }

        Assert.Throws<RlpFormatException>(() => RlpCodec.Decode(RlpCodec.Encode(item)));
    }

    [Fact]
    public void Integers_must_be_canonical_when_read()
    {
        Assert.Equal(new BigInteger(1024), RlpItem.FromUInt(1024).ToBigInteger());
        Assert.Equal(0UL, RlpItem.Empty.ToUInt64());
        var ex = Assert.Throws<EthereumFormatException>(() => RlpItem.FromBytes([0x00, 0x01]).ToUInt64("nonce"));
        Assert.Equal("nonce", ex.ParamName);
        Assert.Throws<EthereumFormatException>(() => RlpItem.FromBytes(new byte[9] { 1, 0, 0, 0, 0, 0, 0, 0, 0 }).ToUInt64("gas"));
        Assert.Throws<EthereumFormatException>(() => RlpItem.List().ToBigInteger("value"));
        Assert.Throws<EthereumFormatException>(() => RlpItem.FromUInt(BigInteger.MinusOne));
    }

    [Fact]
    public void Bytes_and_items_are_only_available_on_the_matching_kind()
    {
        Assert.Throws<InvalidOperationException>(() => RlpItem.List().Bytes.Length);
        Assert.Throws<InvalidOperationException>(() => Str("x").Items);
    }
}
