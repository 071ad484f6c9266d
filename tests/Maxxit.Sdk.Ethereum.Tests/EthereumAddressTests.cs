using FsCheck.Xunit;

namespace Maxxit.Sdk.Ethereum.Tests;

public class EthereumAddressTests
{
    // The test vectors listed in EIP-55 itself.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Eip55_vectors_round_trip_through_lower_case(string checksummed)
    {
        var fromLower = EthereumAddress.Parse("0x" + checksummed[2..].ToLowerInvariant());
        Assert.Equal(checksummed, fromLower.ToString());
        Assert.Equal(fromLower, EthereumAddress.Parse(checksummed));
        Assert.Equal(checksummed.ToLowerInvariant(), fromLower.ToLowerHex());
    }

    [Fact]
    public void Mixed_case_with_a_wrong_checksum_is_rejected()
    {
        // One letter's case flipped from the EIP-55 vector 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.
        var ex = Assert.Throws<EthereumFormatException>(() => EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        Assert.Equal("value", ex.ParamName);
        Assert.Contains("checksum", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd")]
    [InlineData("0xzzzeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void Malformed_text_is_rejected(string text)
    {
        Assert.False(EthereumAddress.TryParse(text, out var parsed));
        Assert.Equal(EthereumAddress.Zero, parsed);
        Assert.Throws<EthereumFormatException>(() => EthereumAddress.Parse(text));
    }

    [Fact]
    public void Null_is_rejected_by_try_parse() => Assert.False(EthereumAddress.TryParse(null, out _));

    [Fact]
    public void Equality_ignores_case_and_default_is_zero()
    {
        var upper = EthereumAddress.Parse("0x52908400098527886E0F7030069857D2E4169EE7");
        var lower = EthereumAddress.Parse("0x52908400098527886e0f7030069857d2e4169ee7");
        Assert.True(upper == lower);
        Assert.Equal(upper.GetHashCode(), lower.GetHashCode());
        Assert.NotEqual(upper, EthereumAddress.Zero);
        Assert.True(default(EthereumAddress).IsZero);
        Assert.Equal("0x0000000000000000000000000000000000000000", EthereumAddress.Zero.ToString());
    }

    [Fact]
    public void From_bytes_requires_twenty_bytes()
    {
        var ex = Assert.Throws<EthereumFormatException>(() => EthereumAddress.FromBytes(new byte[19]));
        Assert.Equal("bytes", ex.ParamName);
    }

    [Property]
    public bool Bytes_round_trip_through_checksummed_text(byte[] seed)
    {
        var bytes = new byte[20];
        seed.AsSpan(0, Math.Min(seed.Length, 20)).CopyTo(bytes);
        var address = EthereumAddress.FromBytes(bytes);
        var reparsed = EthereumAddress.Parse(address.ToString());
        return reparsed == address && reparsed.ToArray().AsSpan().SequenceEqual(bytes);
    }
}
