using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Benchmarks.Security;

/// <summary>
/// Decrypting one agent key as the venues do before each signature: the protector builds an AesGcm per operation (no
/// instance shared across threads) and checks the owner binding, against one shared AesGcm instance decrypting without
/// associated data (the old, thread-unsafe way).
/// </summary>
[MemoryDiagnoser]
public class AgentKeyBenchmarks
{
    private readonly byte[] _plain = new byte[32];
    private AesGcm _shared = null!;
    private AesGcmAgentKeyProtector _protector = null!;
    private EncryptedSecret _bound = null!;
    private byte[] _iv = null!;
    private byte[] _cipher = null!;
    private byte[] _tag = null!;

    [GlobalSetup]
    public void Setup()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        var key = RandomNumberGenerator.GetBytes(32);
        _shared = new AesGcm(master, 16);
        _iv = RandomNumberGenerator.GetBytes(12);
        _cipher = new byte[32];
        _tag = new byte[16];
        _shared.Encrypt(_iv, key, _cipher, _tag);
        _protector = new AesGcmAgentKeyProtector(master);
        _bound = _protector.Protect(key, new AgentKeyBinding("0x2222222222222222222222222222222222222222", Venue.Hyperliquid, "0x3333333333333333333333333333333333333333"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _shared.Dispose();
        _protector.Dispose();
    }

    [Benchmark(Baseline = true)]
    public byte SharedInstanceNoBinding()
    {
        _shared.Decrypt(_iv, _cipher, _tag, _plain);
        return _plain[0];
    }

    [Benchmark]
    public byte PerOperationInstanceWithBinding()
    {
        using var secret = _protector.Unprotect(_bound);
        return secret.Span[0];
    }
}
