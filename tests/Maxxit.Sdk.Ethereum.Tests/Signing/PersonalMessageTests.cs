using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sdk.Ethereum.Tests.Signing;

public class PersonalMessageTests
{
    // The example in the web3.js documentation of web3.eth.accounts.sign (docs.web3js.org, web3-eth-accounts/sign).
    private const string Web3Key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private const string Web3Signature =
        "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c";

    [Fact]
    public void Hash_matches_the_web3js_example()
    {
        Assert.Equal("0x1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655", Hex.Encode(PersonalMessage.Hash("Some data")));
    }

    [Fact]
    public void Signature_matches_the_web3js_example_byte_for_byte()
    {
        using var key = EthereumKey.FromHex(Web3Key);
        var signature = PersonalMessage.Sign(key, "Some data"u8);
        Assert.Equal(Web3Signature, signature.ToString());
        Assert.Equal(28, signature.V);
    }

    [Fact]
    public void The_web3js_signature_recovers_to_its_key()
    {
        using var key = EthereumKey.FromHex(Web3Key);
        Assert.Equal(key.Address, PersonalMessage.RecoverSigner("Some data"u8, EcdsaSignature.Parse(Web3Signature)));
        Assert.NotEqual(key.Address, PersonalMessage.RecoverSigner("Some datA"u8, EcdsaSignature.Parse(Web3Signature)));
    }

    [Fact]
    public void The_length_prefix_is_the_decimal_byte_count_of_the_utf8_bytes()
    {
        // "é" is two UTF-8 bytes, so the envelope says 2, not 1.
        var expected = Keccak256.Hash([.. "\u0019Ethereum Signed Message:\n2"u8, 0xC3, 0xA9]);
        Assert.Equal(expected, PersonalMessage.Hash("é"));
        Assert.Equal(Keccak256.Hash("\u0019Ethereum Signed Message:\n0"u8), PersonalMessage.Hash(ReadOnlySpan<byte>.Empty));
    }

    [Property(MaxTest = 40)]
    public bool Any_message_signed_by_any_key_recovers_to_that_key(byte[] keySeed, byte[] message)
    {
        using var key = new EthereumKey(Keccak256.Hash(keySeed));
        var signature = PersonalMessage.Sign(key, message);
        return signature.IsLowS && PersonalMessage.RecoverSigner(message, signature) == key.Address;
    }
}
