using BenchmarkDotNet.Attributes;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.TypedData;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Maxxit.Sdk.Benchmarks.Ethereum;

// Cost of signing one Hyperliquid-sized payload on NBitcoin.Secp256k1 (constant-time libsecp256k1 port). Hashing a
// ~200-byte message (the size of a msgpack-encoded order action) is the baseline; BouncyCastle's RFC 6979 ECDSA is a
// second reference in the same run. A few hundred µs per signature is acceptable: every signature is followed by a
// network round trip of tens to hundreds of milliseconds. Min is reported because the shared machine inflates means.
[MemoryDiagnoser]
[MinColumn]
public class SigningBenchmarks
{
    private const string KeyHex = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private readonly byte[] _message = new byte[200];
    private readonly byte[] _hash = new byte[32];
    private readonly Eip712Type _agent = new("Agent(string source,bytes32 connectionId)");
    private readonly Eip712Domain _domain = new("Exchange", "1", 1337, EthereumAddress.Zero);
    private EthereumKey _key = null!;
    private EcdsaSignature _signature = null!;
    private byte[] _signedHash = null!;
    private ECDsaSigner _bouncyCastle = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_message);
        _key = EthereumKey.FromHex(KeyHex);
        _signedHash = Keccak256.Hash(_message);
        _signature = _key.Sign(_signedHash);

        var curve = CustomNamedCurves.GetByName("secp256k1");
        _bouncyCastle = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        _bouncyCastle.Init(true, new ECPrivateKeyParameters(
            new BcBigInteger(1, Hex.Decode(KeyHex)), new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H)));
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Baseline = true)]
    public byte[] Keccak200Bytes()
    {
        Keccak256.Hash(_message, _hash);
        return _hash;
    }

    [Benchmark]
    public byte[] BouncyCastleKeccak200Bytes()
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(_message, 0, _message.Length);
        digest.DoFinal(_hash, 0);
        return _hash;
    }

    [Benchmark]
    public EcdsaSignature KeccakThenSign()
    {
        Keccak256.Hash(_message, _hash);
        return _key.Sign(_hash);
    }

    [Benchmark]
    public BcBigInteger[] BouncyCastleRfc6979Sign()
    {
        Keccak256.Hash(_message, _hash);
        return _bouncyCastle.GenerateSignature(_hash);
    }

    [Benchmark]
    public EthereumAddress RecoverAddress() => Secp256k1.RecoverAddress(_signedHash, _signature);

    [Benchmark]
    public EcdsaSignature PersonalSign() => PersonalMessage.Sign(_key, _message);

    [Benchmark]
    public EcdsaSignature HyperliquidStyleAgentSignature()
    {
        Span<byte> connectionId = stackalloc byte[32];
        Keccak256.Hash(_message, connectionId);
        var structHash = _agent.CreateBuilder().AddString("a").AddFixedBytes(connectionId).Hash();
        return Eip712.Sign(_key, _domain, structHash);
    }
}
