using System.Numerics;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.TypedData;

namespace Maxxit.Sdk.Ethereum.Tests.TypedData;

// The "Ether Mail" example of EIP-712 (eips.ethereum.org/EIPS/eip-712, assets/eip-712/Example.js):
// expected hashes and the signature by keccak256("cow") are the ones the EIP publishes.
public class Eip712Tests
{
    private static readonly Eip712Type Person = new("Person(string name,address wallet)");
    private static readonly Eip712Type Mail = new("Mail(Person from,Person to,string contents)Person(string name,address wallet)");

    private static readonly Eip712Domain MailDomain = new(
        name: "Ether Mail",
        version: "1",
        chainId: 1,
        verifyingContract: EthereumAddress.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"));

    [Fact]
    public void Domain_separator_matches_the_eip()
    {
        Assert.Equal("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)", MailDomain.Type.EncodeType);
        Assert.Equal("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", Hex.Encode(MailDomain.Separator));
    }

    [Fact]
    public void Type_hash_and_struct_hash_match_the_eip()
    {
        Assert.Equal("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", Hex.Encode(Mail.TypeHash));
        Assert.Equal("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", Hex.Encode(MailStructHash()));
    }

    [Fact]
    public void Digest_and_signature_match_the_eip()
    {
        var digest = Eip712.Hash(MailDomain.Separator, MailStructHash());
        Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.Encode(digest));
        Assert.Equal(digest, Eip712.Hash(MailDomain, MailStructHash()));

        using var cow = new EthereumKey(Keccak256.HashUtf8("cow"));
        var signature = Eip712.Sign(cow, MailDomain, MailStructHash());
        Assert.Equal(28, signature.V);
        Assert.Equal("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", Hex.Encode(signature.R));
        Assert.Equal("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", Hex.Encode(signature.S));
        Assert.Equal(cow.Address, Secp256k1.RecoverAddress(digest, signature));
    }

    [Fact]
    public void Hyperliquid_agent_domain_has_the_expected_shape_and_signs_recoverably()
    {
        var domain = new Eip712Domain("Exchange", "1", 1337, EthereumAddress.Zero);
        var agent = new Eip712Type("Agent(string source,bytes32 connectionId)");
        var connectionId = Keccak256.HashUtf8("some action");
        var structHash = agent.CreateBuilder().AddString("a").AddFixedBytes(connectionId).Hash();

        // Independent encoding of the same struct: keccak(typeHash ‖ keccak("a") ‖ connectionId).
        var manual = Keccak256.Hash([.. agent.TypeHash, .. Keccak256.HashUtf8("a"), .. connectionId]);
        Assert.Equal(manual, structHash);

        using var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var signature = Eip712.Sign(key, domain, structHash);
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(Eip712.Hash(domain, structHash), signature));
    }

    [Fact]
    public void Uint64_member_rejects_a_value_over_64_bits_naming_the_member()
    {
        var approve = new Eip712Type(
            "HyperliquidTransaction:ApproveAgent(string hyperliquidChain,address agentAddress,string agentName,uint64 nonce)");
        Assert.Equal("HyperliquidTransaction:ApproveAgent", approve.Name);
        var builder = approve.CreateBuilder().AddString("Testnet").AddAddress(EthereumAddress.Zero).AddString("bot");
        var ex = Assert.Throws<EthereumFormatException>(() => builder.AddUInt(BigInteger.One << 64));
        Assert.Equal("nonce", ex.ParamName);
    }

    [Fact]
    public void Adding_the_wrong_kind_of_value_names_the_member()
    {
        var ex = Assert.Throws<EthereumFormatException>(() => Person.CreateBuilder().AddAddress(EthereumAddress.Zero));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("'string'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_bytes_length_must_match_the_declared_size()
    {
        var agent = new Eip712Type("Agent(string source,bytes32 connectionId)");
        var ex = Assert.Throws<EthereumFormatException>(() => agent.CreateBuilder().AddString("a").AddFixedBytes(new byte[31]));
        Assert.Equal("connectionId", ex.ParamName);
    }

    [Fact]
    public void Hash_before_all_members_are_added_fails()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Person.CreateBuilder().AddString("Cow").Hash());
        Assert.Contains("wallet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_past_the_last_member_fails()
    {
        var full = Person.CreateBuilder().AddString("Cow").AddAddress(EthereumAddress.Zero);
        Assert.Throws<InvalidOperationException>(() => full.AddString("extra"));
    }

    [Theory]
    [InlineData("NoParens")]
    [InlineData("(string a)")]
    [InlineData("T(stringa)")]
    public void Malformed_type_strings_are_rejected(string encodeType) =>
        Assert.Equal("encodeType", Assert.Throws<EthereumFormatException>(() => new Eip712Type(encodeType)).ParamName);

    [Fact]
    public void Domain_rejects_a_short_salt_and_a_negative_chain_id()
    {
        Assert.Equal("salt", Assert.Throws<EthereumFormatException>(() => new Eip712Domain("x", salt: new byte[31])).ParamName);
        Assert.Equal("chainId", Assert.Throws<EthereumFormatException>(() => new Eip712Domain("x", chainId: -1)).ParamName);
    }

    [Fact]
    public void Domain_type_lists_only_present_fields()
    {
        var domain = new Eip712Domain(name: "n", chainId: 5, salt: new byte[32]);
        Assert.Equal("EIP712Domain(string name,uint256 chainId,bytes32 salt)", domain.Type.EncodeType);
    }

    [Fact]
    public void Array_member_hashes_the_concatenated_elements()
    {
        var type = new Eip712Type("Batch(uint256[] ids)");
        var elements = new byte[64];
        elements[31] = 1;
        elements[63] = 2;
        var hash = type.CreateBuilder().AddArray(elements).Hash();
        Assert.Equal(Keccak256.Hash([.. type.TypeHash, .. Keccak256.Hash(elements)]), hash);
    }

    private static byte[] MailStructHash()
    {
        var from = Person.CreateBuilder()
            .AddString("Cow")
            .AddAddress(EthereumAddress.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"))
            .Hash();
        var to = Person.CreateBuilder()
            .AddString("Bob")
            .AddAddress(EthereumAddress.Parse("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"))
            .Hash();
        return Mail.CreateBuilder().AddStruct(from).AddStruct(to).AddString("Hello, Bob!").Hash();
    }
}
