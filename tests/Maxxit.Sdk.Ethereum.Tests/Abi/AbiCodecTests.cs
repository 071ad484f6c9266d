using System.Numerics;
using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ethereum.Tests.Abi;

public class AbiCodecTests
{
    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("(uint256,(address,bytes)[2])[]", "(uint256,(address,bytes)[2])[]")]
    [InlineData("tuple(uint8 a, string b)", "(uint8,string)")]
    [InlineData("bytes32[3][]", "bytes32[3][]")]
    public void Parses_types_to_canonical_names(string text, string canonical) =>
        Assert.Equal(canonical, AbiType.Parse(text).CanonicalName);

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("uint08")]
    [InlineData("int0")]
    [InlineData("bytes33")]
    [InlineData("bytes0")]
    [InlineData("float")]
    [InlineData("uint256[0]")]
    [InlineData("uint256[")]
    [InlineData("(uint256")]
    [InlineData("()")]
    [InlineData("")]
    public void Rejects_invalid_types(string text) =>
        Assert.Equal("type", Assert.Throws<EthereumFormatException>(() => AbiType.Parse(text)).ParamName);

    [Fact]
    public void Static_and_dynamic_tuples_are_laid_out_per_the_spec()
    {
        var type = AbiType.Parse("(uint256,(address,uint8),string)");
        Assert.True(type.IsDynamic);
        Assert.False(AbiType.Parse("(uint256,(address,uint8)[2])").IsDynamic);

        var address = EthereumAddress.Parse("0x1111111111111111111111111111111111111111");
        var data = AbiCodec.Encode([type], [new object?[] { 7, (address, (byte)3), "hi" }]);

        // Outer head: offset of the dynamic tuple. Tuple: 7, address, 3 inline, then offset of "hi" = 4 words.
        Assert.Equal(32 * 7, data.Length);
        Assert.Equal(0x20, data[31]);
        Assert.Equal(7, data[63]);
        Assert.Equal(0x80, data[32 * 4 + 31]);
        var decoded = (object?[])AbiCodec.Decode([type], data)[0]!;
        Assert.Equal(new BigInteger(7), decoded[0]);
        Assert.Equal(new object?[] { address, new BigInteger(3) }, decoded[1]);
        Assert.Equal("hi", decoded[2]);
    }

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("uint8", -1)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    public void Integers_out_of_range_are_rejected_with_the_argument_path(string type, int value)
    {
        var ex = Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode(type, value));
        Assert.Equal("args[0]", ex.ParamName);
        Assert.Contains(type, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boundary_integers_encode_and_round_trip()
    {
        var max = (BigInteger.One << 256) - 1;
        var min = -(BigInteger.One << 255);
        var data = AbiCodec.Encode("uint256,int256,int8,uint64", max, min, (sbyte)-128, ulong.MaxValue);
        Assert.All(data[..32], b => Assert.Equal(0xFF, b));
        Assert.Equal(0x80, data[32]);
        Assert.Equal(new object?[] { max, min, new BigInteger(-128), new BigInteger(ulong.MaxValue) },
            AbiCodec.Decode("uint256,int256,int8,uint64", data));
    }

    [Fact]
    public void Parameter_names_are_used_in_error_paths()
    {
        var function = new AbiFunction("openTrade((address trader, uint256 collateral) t, uint8 orderType)");
        Assert.Equal("openTrade((address,uint256),uint8)", function.Signature);
        var ex = Assert.Throws<EthereumFormatException>(() => function.EncodeCall(new object?[] { "0x12", 1 }, 0));
        Assert.Equal("t.0", ex.ParamName);
        var count = Assert.Throws<EthereumFormatException>(() => function.EncodeCall(1));
        Assert.Equal("args", count.ParamName);
    }

    [Fact]
    public void Wrong_value_kinds_are_rejected()
    {
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode("bool", 1));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode("bytes4", new byte[3]));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode("uint256[2]", new[] { 1 }));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode("string", new byte[1]));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode("uint256", 1.5m));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode("uint256[]", "not a list"));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Encode("string", "\ud800"));
    }

    [Fact]
    public void Malformed_data_is_rejected_not_over_read()
    {
        var words = (string s) => Convert.FromHexString(s);
        // uint256[] whose length claims 2^30 elements.
        var huge = words("0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000040000000");
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("uint256[]", huge));
        // Offset beyond the data.
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("bytes", words("0000000000000000000000000000000000000000000000000000000000000040")));
        // Truncated static value.
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("uint256", new byte[31]));
        // Dirty upper bits for uint8, address and bool.
        var dirty = words("0000000000000000000000000000000000000000000000000000000000000100");
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("uint8", dirty));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("bool", dirty));
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("address", words("0100000000000000000000000000000000000000000000000000000000000000")));
        // Non-zero padding after bytes4.
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("bytes4", words("1122334455000000000000000000000000000000000000000000000000000000")));
        // int8 that is not sign-extended.
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("int8", words("00000000000000000000000000000000000000000000000000000000000000ff")));
        // Invalid UTF-8 in a string.
        var badUtf8 = words("0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000001" + "ff00000000000000000000000000000000000000000000000000000000000000");
        Assert.Throws<EthereumFormatException>(() => AbiCodec.Decode("string", badUtf8));
    }

    [Fact]
    public void Decode_call_checks_the_selector()
    {
        var transfer = new AbiFunction("transfer(address,uint256)");
        var other = new AbiFunction("approve(address,uint256)").EncodeCall(EthereumAddress.Zero, 1);
        Assert.Equal("callData", Assert.Throws<EthereumFormatException>(() => transfer.DecodeCall(other)).ParamName);
    }

    [Fact]
    public void Return_values_round_trip()
    {
        var getter = new AbiFunction("getTrade(address,uint256)", "(uint256 collateral,uint192 openPrice,bool buy),string");
        var data = getter.EncodeReturn(new object[] { 1_000_000, BigInteger.Pow(10, 18) * 65_000, true }, "ok");
        var values = getter.DecodeReturn(data);
        Assert.Equal(new object?[] { new BigInteger(1_000_000), BigInteger.Pow(10, 18) * 65_000, true }, values[0]);
        Assert.Equal("ok", values[1]);
    }
}
