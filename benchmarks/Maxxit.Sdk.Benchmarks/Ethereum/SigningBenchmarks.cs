using BenchmarkDotNet.Attributes;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.TypedData;
using Org.BouncyCastle.Crypto.Digests;

namespace Maxxit.Sdk.Benchmarks.Ethereum;

// Cost of signing one Hyperliquid-sized payload: hashing a ~200-byte message (the size of a
// msgpack-encoded order action) is the baseline; the target for the full signature is well under 100 µs.
// Min is reported because the shared build machine inflates means.
[MemoryDiagnoser]
[MinColumn]
public class SigningBenchmarks
{
    private readonly byte[] _message = new byte[200];
    private readonly byte[] _hash = new byte[32];
    private readonly Eip712Type _agent = new("Agent(string source,bytes32 connectionId)");
    private readonly Eip712Domain _domain = new("Exchange", "1", 1337, EthereumAddress.Zero);
    private EthereumKey _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_message);
        _key = EthereumKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
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
    public EcdsaSignature HyperliquidStyleAgentSignature()
    {
        Span<byte> connectionId = stackalloc byte[32];
        Keccak256.Hash(_message, connectionId);
        var structHash = _agent.CreateBuilder().AddString("a").AddFixedBytes(connectionId).Hash();
        return Eip712.Sign(_key, _domain, structHash);
    }
}
