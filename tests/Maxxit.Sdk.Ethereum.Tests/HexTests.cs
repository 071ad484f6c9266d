namespace Maxxit.Sdk.Ethereum.Tests;

public class HexTests
{
    [Fact]
    public void Encodes_lower_case_with_prefix() => Assert.Equal("0x00abff", Hex.Encode([0x00, 0xAB, 0xFF]));

    [Fact]
    public void Encodes_without_prefix() => Assert.Equal("00abff", Hex.Encode([0x00, 0xAB, 0xFF], prefix: false));

    [Theory]
    [InlineData("0x00AbfF")]
    [InlineData("00abff")]
    public void Decodes_with_or_without_prefix(string text) => Assert.Equal(new byte[] { 0, 0xAB, 0xFF }, Hex.Decode(text));

    [Theory]
    [InlineData("0x0")]
    [InlineData("0xgg")]
    public void Rejects_malformed_text_naming_the_parameter(string text)
    {
        var ex = Assert.Throws<EthereumFormatException>(() => Hex.Decode(text, "payload"));
        Assert.Equal("payload", ex.ParamName);
    }

    [Fact]
    public void Decode_fixed_checks_the_length()
    {
        var ex = Assert.Throws<EthereumFormatException>(() => Hex.DecodeFixed("0x0102", 32, "hash"));
        Assert.Equal("hash", ex.ParamName);
        Assert.Contains("32 bytes", ex.Message, StringComparison.Ordinal);
    }
}
