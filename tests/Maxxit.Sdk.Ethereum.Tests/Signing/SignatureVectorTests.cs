using System.Numerics;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Maxxit.Sdk.Ethereum.Tests.Signing;

// Known vectors and edge cases of the signer, checked against published values and against BouncyCastle's
// RFC 6979 ECDSA (a separate implementation the library no longer uses).
public class SignatureVectorTests
{
    private const string OrderHex = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141";
    private static readonly BigInteger N = BigInteger.Parse("0" + OrderHex, System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void Eip155_example_hash_signs_to_the_published_r_and_s()
    {
        // EIP-155's worked example: key 0x46…46, signing hash of the chain-1 transfer, v = 37 (recovery id 0).
        using var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var signature = key.Sign(Hex.Decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
        Assert.Equal("0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", Hex.Encode(signature.R));
        Assert.Equal("0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83", Hex.Encode(signature.S));
        Assert.Equal(0, signature.RecoveryId);
        Assert.Equal(37UL, signature.Eip155V(1));
    }

    [Property(MaxTest = 60)]
    public bool Every_signature_is_low_s_by_the_curve_order(byte[] keySeed, byte[] message)
    {
        using var key = new EthereumKey(Keccak256.Hash(keySeed));
        var signature = key.Sign(Keccak256.Hash(message));
        var s = new BigInteger(signature.S, isUnsigned: true, isBigEndian: true);
        return s >= 1 && s <= N / 2 && signature.IsLowS;
    }

    [Property(MaxTest = 60)]
    public bool Recovery_gives_the_signer_for_keys_straight_from_the_generator(byte[] keyBytes, byte[] message)
    {
        // Right-aligned raw bytes, so small scalars (1, 2, 255, …) come up as well as full-width ones.
        var secret = new byte[32];
        var take = Math.Min(keyBytes.Length, 32);
        keyBytes.AsSpan(0, take).CopyTo(secret.AsSpan(32 - take));
        if (secret.All(b => b == 0))
        {
            secret[31] = 1;
        }

        using var key = new EthereumKey(secret);
        var hash = Keccak256.Hash(message);
        var signature = key.Sign(hash);
        return Secp256k1.RecoverAddress(hash, signature) == key.Address
            && Secp256k1.RecoverPublicKey(hash, signature).AsSpan().SequenceEqual(key.PublicKey);
    }

    [Property(MaxTest = 30)]
    public bool The_high_s_twin_recovers_the_same_signer_but_is_not_low_s(byte[] keySeed, byte[] message)
    {
        using var key = new EthereumKey(Keccak256.Hash(keySeed));
        var hash = Keccak256.Hash(message);
        var low = key.Sign(hash);
        var highS = N - new BigInteger(low.S, isUnsigned: true, isBigEndian: true);
        var high = new EcdsaSignature(low.R, ToBytes32(highS), low.RecoveryId ^ 1);
        return !high.IsLowS && Secp256k1.RecoverAddress(hash, high) == key.Address;
    }

    [Theory]
    [InlineData(OrderHex)]                                                              // hash = n reduces to 0
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364142")] // n + 1
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")] // the largest hash
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void Hashes_at_or_above_the_order_use_rfc6979_nonces_of_the_reduced_hash(string hashHex)
    {
        var keyBytes = Keccak256.HashUtf8("edge hashes");
        var hash = Convert.FromHexString(hashHex);
        using var key = new EthereumKey(keyBytes);
        var ours = key.Sign(hash);

        var (r, s) = BouncyCastleLowS(keyBytes, hash);
        Assert.Equal(r, Hex.Encode(ours.R));
        Assert.Equal(s, Hex.Encode(ours.S));
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(hash, ours));
    }

    [Fact]
    public void The_largest_private_key_n_minus_1_signs_and_n_plus_1_is_refused()
    {
        using var key = new EthereumKey(ToBytes32(N - 1));
        var hash = Keccak256.HashUtf8("n - 1");
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(hash, key.Sign(hash)));

        var ex = Assert.Throws<EthereumFormatException>(() => new EthereumKey(ToBytes32(N + 1)));
        Assert.Equal("privateKey", ex.ParamName);
    }

    [Fact]
    public void An_r_that_is_no_curve_x_coordinate_fails_recovery_with_a_typed_error()
    {
        // x = 5 is not on secp256k1 (5^3 + 7 = 132 is a non-residue mod p), so no point R exists.
        var five = ToBytes32(5);
        var signature = new EcdsaSignature(five, ToBytes32(1), 0);
        var hash = Keccak256.HashUtf8("no point");
        var ex = Assert.Throws<EthereumFormatException>(() => Secp256k1.RecoverAddress(hash, signature));
        Assert.Equal("signature", ex.ParamName);
        Assert.False(Secp256k1.Verify(hash, signature, EthereumAddress.Zero));
    }

    private static (string R, string S) BouncyCastleLowS(byte[] keyBytes, byte[] hash)
    {
        var curve = CustomNamedCurves.GetByName("secp256k1");
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BcBigInteger(1, keyBytes),
            new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H)));
        var rs = signer.GenerateSignature(hash);
        var s = rs[1].CompareTo(curve.N.ShiftRight(1)) > 0 ? curve.N.Subtract(rs[1]) : rs[1];
        return (Hex.Encode(ToBytes32(Parse(rs[0]))), Hex.Encode(ToBytes32(Parse(s))));
    }

    private static BigInteger Parse(BcBigInteger value) =>
        new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private static byte[] ToBytes32(BigInteger value)
    {
        var bytes = new byte[32];
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes, 32 - raw.Length);
        return bytes;
    }
}
