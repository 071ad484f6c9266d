using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Abi;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;

namespace Maxxit.Sdk.Ostium.Tests.Rpc;

public sealed class RevertDecoderTests
{
    private readonly RevertDecoder _decoder = new(OstiumErrors.Signatures);

    [Fact]
    public void Error_string_uses_the_standard_selector_and_decodes_the_message()
    {
        // 0x08c379a0 is the well-known selector of Error(string).
        var data = Hex.Decode("0x08c379a0" + Convert.ToHexStringLower(AbiCodec.Encode("string", "Not enough USDC")));

        Assert.Equal("Not enough USDC", _decoder.Decode(data));
    }

    [Fact]
    public void Panic_codes_are_shown_in_hex() =>
        Assert.Equal("panic 0x11", _decoder.Decode(new AbiFunction("Panic(uint256)").EncodeCall(0x11)));

    [Fact]
    public void Ostium_custom_errors_decode_with_their_arguments()
    {
        var trader = EthereumAddress.Parse("0x1000000000000000000000000000000000000001");
        var caller = EthereumAddress.Parse("0x2000000000000000000000000000000000000002");

        var reason = _decoder.Decode(new AbiFunction("NotDelegate(address,address)").EncodeCall(trader, caller));

        Assert.Equal($"NotDelegate({trader}, {caller})", reason);
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0x1234")]
    [InlineData("0xdeadbeef")]
    [InlineData("0x08c379a0ff")]
    public void Unknown_or_malformed_data_gives_no_reason(string hex) => Assert.Null(_decoder.Decode(Hex.Decode(hex)));

    [Fact]
    public void Standard_decoder_does_not_know_ostium_errors() =>
        Assert.Null(RevertDecoder.Standard.Decode(new AbiFunction("WrongSL()").EncodeCall()));
}
