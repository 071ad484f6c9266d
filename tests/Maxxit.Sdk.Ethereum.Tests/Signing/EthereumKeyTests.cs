using System.Reflection;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Maxxit.Sdk.Ethereum.Tests.Signing;

public class EthereumKeyTests
{
    private static readonly BcBigInteger N = CustomNamedCurves.GetByName("secp256k1").N;

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")]
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")]
    public void Derives_the_known_address(string keyHex, string address)
    {
        using var key = EthereumKey.FromHex(keyHex);
        Assert.Equal(address, key.Address.ToString());
        Assert.Equal(key.Address, EthereumAddress.FromPublicKey(key.PublicKey));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")]
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")]
    public void AddressOf_gives_the_known_address_without_keeping_a_key(string keyHex, string address) =>
        Assert.Equal(address, EthereumKey.AddressOf(Convert.FromHexString(keyHex)));

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void AddressOf_is_null_for_bytes_that_are_no_private_key(string keyHex) =>
        Assert.Null(EthereumKey.AddressOf(Convert.FromHexString(keyHex)));

    [Fact]
    public void Cow_key_from_the_eip712_example_has_the_published_address()
    {
        using var key = new EthereumKey(Keccak256.HashUtf8("cow"));
        Assert.Equal("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", key.Address.ToString());
    }

    [Property(MaxTest = 40)]
    public bool Signature_recovers_to_the_signer_and_is_low_s(byte[] keySeed, byte[] message)
    {
        using var key = new EthereumKey(Keccak256.Hash(keySeed));
        var hash = Keccak256.Hash(message);
        var signature = key.Sign(hash);
        return signature.IsLowS
            && Secp256k1.RecoverAddress(hash, signature) == key.Address
            && Secp256k1.Verify(hash, signature, key.Address)
            && Secp256k1.RecoverPublicKey(hash, signature).AsSpan().SequenceEqual(key.PublicKey);
    }

    [Property(MaxTest = 40)]
    public bool Matches_bouncycastle_rfc6979_ecdsa_after_low_s_normalisation(byte[] keySeed, byte[] message)
    {
        var keyBytes = Keccak256.Hash(keySeed);
        var hash = Keccak256.Hash(message);
        using var key = new EthereumKey(keyBytes);
        var ours = key.Sign(hash);

        var curve = CustomNamedCurves.GetByName("secp256k1");
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BcBigInteger(1, keyBytes),
            new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H)));
        var rs = signer.GenerateSignature(hash);
        var s = rs[1].CompareTo(N.ShiftRight(1)) > 0 ? N.Subtract(rs[1]) : rs[1];
        return new BcBigInteger(1, ours.R.ToArray()).Equals(rs[0]) && new BcBigInteger(1, ours.S.ToArray()).Equals(s);
    }

    [Fact]
    public void Signing_is_deterministic()
    {
        using var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var hash = Keccak256.HashUtf8("deterministic");
        Assert.Equal(key.Sign(hash), key.Sign(hash));
    }

    [Fact]
    public void Recovery_of_a_tampered_hash_gives_a_different_signer()
    {
        using var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var hash = Keccak256.HashUtf8("original");
        var signature = key.Sign(hash);
        var other = Keccak256.HashUtf8("tampered");
        Assert.False(Secp256k1.Verify(other, signature, key.Address));
    }

    [Fact]
    public void To_string_never_contains_the_private_key()
    {
        const string keyHex = "4646464646464646464646464646464646464646464646464646464646464646";
        using var key = EthereumKey.FromHex(keyHex);
        var text = key.ToString();
        Assert.DoesNotContain("4646464646", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("redacted", text, StringComparison.Ordinal);
        Assert.Contains(key.Address.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_zeroes_the_key_and_blocks_further_use()
    {
        var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var field = typeof(EthereumKey).GetField("_privateKey", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var secret = (byte[])field.GetValue(key)!;
        Assert.Contains(secret, b => b != 0);

        key.Dispose();

        Assert.All(secret, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => key.Sign(new byte[32]));
        Assert.Throws<ObjectDisposedException>(() => key.CopyPrivateKeyTo(new byte[32]));
    }

    [Fact]
    public void Copy_private_key_returns_the_original_bytes()
    {
        var bytes = Keccak256.HashUtf8("copy");
        using var key = new EthereumKey(bytes);
        var copy = new byte[32];
        key.CopyPrivateKeyTo(copy);
        Assert.Equal(bytes, copy);
    }

    [Fact]
    public void Rejects_zero_and_the_curve_order_without_echoing_the_key()
    {
        var zero = Assert.Throws<EthereumFormatException>(() => new EthereumKey(new byte[32]));
        Assert.Equal("privateKey", zero.ParamName);

        var orderHex = N.ToString(16);
        var order = Assert.Throws<EthereumFormatException>(() => EthereumKey.FromHex(orderHex));
        Assert.DoesNotContain(orderHex, order.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("zz46464646464646464646464646464646464646464646464646464646464646")]
    public void Rejects_malformed_hex_without_echoing_it(string text)
    {
        var ex = Assert.Throws<EthereumFormatException>(() => EthereumKey.FromHex(text));
        Assert.Equal("privateKeyHex", ex.ParamName);
        Assert.DoesNotContain(text, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sign_requires_a_32_byte_hash()
    {
        using var key = EthereumKey.Generate();
        var ex = Assert.Throws<EthereumFormatException>(() => key.Sign(new byte[31]));
        Assert.Equal("hash", ex.ParamName);
    }

    [Fact]
    public void Concurrent_signing_with_one_key_gives_the_same_results_as_sequential()
    {
        using var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var hashes = Enumerable.Range(0, 64).Select(i => Keccak256.Hash(BitConverter.GetBytes(i))).ToArray();
        var sequential = hashes.Select(h => key.Sign(h)).ToArray();
        var parallel = new EcdsaSignature[hashes.Length];
        Parallel.For(0, hashes.Length, i => parallel[i] = key.Sign(hashes[i]));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Generated_keys_differ_and_sign_recoverably()
    {
        using var a = EthereumKey.Generate();
        using var b = EthereumKey.Generate();
        Assert.NotEqual(a.Address, b.Address);
        var hash = Keccak256.HashUtf8("generated");
        Assert.Equal(a.Address, Secp256k1.RecoverAddress(hash, a.Sign(hash)));
    }
}
