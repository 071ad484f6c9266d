using System.Numerics;
using System.Text;
using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ethereum.Tests.Abi;

// The worked examples of the Solidity ABI specification (docs/abi-spec.rst in ethereum/solidity,
// sections "Examples" and "Use of Dynamic Types"); expected hex copied from the spec.
public class AbiSpecExampleTests
{
    private static string W(string hex) => hex.PadLeft(64, '0');

    private static string R(string hex) => hex.PadRight(64, '0');

    [Fact]
    public void Baz_uint32_bool()
    {
        var baz = new AbiFunction("baz(uint32 x, bool y)", "bool");
        var call = baz.EncodeCall(69u, true);
        Assert.Equal("0xcdcd77c0" + W("45") + W("1"), Hex.Encode(call));
        Assert.Equal(new object?[] { new BigInteger(69), true }, baz.DecodeCall(call));
        Assert.Equal(new object?[] { false }, baz.DecodeReturn(Convert.FromHexString(W("0"))));
    }

    [Fact]
    public void Bar_bytes3_fixed_array()
    {
        var bar = new AbiFunction("bar(bytes3[2])");
        // Cast to object: a lone object[] would otherwise bind to the params array itself.
        var call = bar.EncodeCall((object)new object[] { "abc"u8.ToArray(), "def"u8.ToArray() });
        Assert.Equal("0xfce353f6" + R("616263") + R("646566"), Hex.Encode(call));
        var decoded = (object?[])bar.DecodeCall(call)[0]!;
        Assert.Equal("abc"u8.ToArray(), decoded[0]);
        Assert.Equal("def"u8.ToArray(), decoded[1]);
    }

    [Fact]
    public void Sam_bytes_bool_uint_array()
    {
        var sam = new AbiFunction("sam(bytes,bool,uint[])");
        Assert.Equal("sam(bytes,bool,uint256[])", sam.Signature);
        var call = sam.EncodeCall("dave"u8.ToArray(), true, new[] { 1, 2, 3 });
        Assert.Equal(
            "0xa5643bf2" + W("60") + W("1") + W("a0") + W("4") + R("64617665") + W("3") + W("1") + W("2") + W("3"),
            Hex.Encode(call));
        var args = sam.DecodeCall(call);
        Assert.Equal("dave"u8.ToArray(), args[0]);
        Assert.Equal(true, args[1]);
        Assert.Equal(new object?[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }, args[2]);
    }

    [Fact]
    public void F_with_dynamic_types()
    {
        var f = new AbiFunction("f(uint,uint32[],bytes10,bytes)");
        Assert.Equal("0x8be65246", Hex.Encode(f.Selector));
        var call = f.EncodeCall(0x123, new uint[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), Encoding.ASCII.GetBytes("Hello, world!"));
        Assert.Equal(
            "0x8be65246" + W("123") + W("80") + R("31323334353637383930") + W("e0")
            + W("2") + W("456") + W("789") + W("d") + R("48656c6c6f2c20776f726c6421"),
            Hex.Encode(call));
        var args = f.DecodeCall(call);
        Assert.Equal(new BigInteger(0x123), args[0]);
        Assert.Equal(new object?[] { new BigInteger(0x456), new BigInteger(0x789) }, args[1]);
        Assert.Equal("Hello, world!", Encoding.ASCII.GetString((byte[])args[3]!));
    }

    [Fact]
    public void G_with_nested_dynamic_arrays_and_strings()
    {
        var g = new AbiFunction("g(uint[][],string[])");
        var call = g.EncodeCall(new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });
        var expected = "0x2289b18c" + W("40") + W("140")
            + W("2") + W("40") + W("a0") + W("2") + W("1") + W("2") + W("1") + W("3")
            + W("3") + W("60") + W("a0") + W("e0")
            + W("3") + R("6f6e65") + W("3") + R("74776f") + W("5") + R("7468726565");
        Assert.Equal(expected, Hex.Encode(call));

        var args = g.DecodeCall(call);
        var nested = (object?[])args[0]!;
        Assert.Equal(new object?[] { new BigInteger(1), new BigInteger(2) }, nested[0]);
        Assert.Equal(new object?[] { new BigInteger(3) }, nested[1]);
        Assert.Equal(new object?[] { "one", "two", "three" }, args[1]);
    }

    [Fact]
    public void Selector_of_transfer() =>
        Assert.Equal("0xa9059cbb", Hex.Encode(AbiCodec.Selector("transfer(address to, uint256 amount)")));
}
