using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sdk.Ethereum.Tests.Signing;

public class EcdsaSignatureTests
{
    [Fact]
    public void Compact_form_round_trips_with_v_27_28_or_0_1()
    {
        using var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var signature = key.Sign(Keccak256.HashUtf8("round trip"));
        var bytes = signature.ToBytes();
        Assert.Equal(signature.V, bytes[64]);
        Assert.Equal(27 + signature.RecoveryId, signature.V);
        Assert.Equal(signature, EcdsaSignature.FromBytes(bytes));
        Assert.Equal(signature, EcdsaSignature.Parse(signature.ToString()));

        bytes[64] -= 27;
        Assert.Equal(signature, EcdsaSignature.FromBytes(bytes));
    }

    [Fact]
    public void Eip155_v_adds_the_chain_id()
    {
        var signature = new EcdsaSignature(One(), One(), 1);
        Assert.Equal(38UL, signature.Eip155V(1));
        Assert.Equal(42161UL * 2 + 36, signature.Eip155V(42161));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    public void Rejects_an_unknown_v(byte v)
    {
        var bytes = new byte[65];
        bytes[31] = 1;
        bytes[63] = 1;
        bytes[64] = v;
        var ex = Assert.Throws<EthereumFormatException>(() => EcdsaSignature.FromBytes(bytes));
        Assert.Equal("signature", ex.ParamName);
    }

    [Fact]
    public void Rejects_zero_r_and_wrong_lengths()
    {
        Assert.Equal("r", Assert.Throws<EthereumFormatException>(() => new EcdsaSignature(new byte[32], One(), 0)).ParamName);
        Assert.Equal("s", Assert.Throws<EthereumFormatException>(() => new EcdsaSignature(One(), new byte[31], 0)).ParamName);
        Assert.Equal("recoveryId", Assert.Throws<EthereumFormatException>(() => new EcdsaSignature(One(), One(), 2)).ParamName);
        Assert.Equal("signature", Assert.Throws<EthereumFormatException>(() => EcdsaSignature.FromBytes(new byte[64])).ParamName);
    }

    [Fact]
    public void Rejects_s_equal_to_the_curve_order()
    {
        var n = Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
        Assert.Equal("s", Assert.Throws<EthereumFormatException>(() => new EcdsaSignature(One(), n, 0)).ParamName);
    }

    private static byte[] One()
    {
        var bytes = new byte[32];
        bytes[31] = 1;
        return bytes;
    }
}
