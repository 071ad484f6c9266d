using System.Buffers;
using BenchmarkDotNet.Attributes;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Benchmarks.Hyperliquid;

/// <summary>
/// Signing one Hyperliquid order (build the action → msgpack → keccak connection id → EIP-712 Agent hash → secp256k1
/// RFC 6979 signature), against the msgpack + keccak step alone as the baseline, in the same run.
/// </summary>
[MemoryDiagnoser]
public class OrderSigningBenchmarks
{
    private static readonly Cloid OrderCloid = Cloid.Parse("0x1234567890abcdef1234567890abcdef");
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly byte[] _hash = new byte[32];
    private EthereumKey _key = null!;
    private OrderAction _action = null!;
    private long _nonce = 1732406400000;

    [GlobalSetup]
    public void Setup()
    {
        _key = EthereumKey.FromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
        _action = NewAction();
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Baseline = true, Description = "msgpack + keccak (connection id)")]
    public byte[] ConnectionId()
    {
        _buffer.ResetWrittenCount();
        L1ActionEncoding.WriteSigningPayload(_buffer, _action, _nonce, [], null);
        Keccak256.Hash(_buffer.WrittenSpan, _hash);
        return _hash;
    }

    [Benchmark(Description = "secp256k1 sign of a fixed hash (part of the total)")]
    public EcdsaSignature Secp256k1SignOnly() => _key.Sign(_hash);

    [Benchmark(Description = "Sign one order (build → msgpack → keccak → EIP-712 → secp256k1)")]
    public EcdsaSignature SignOrder() => HyperliquidSigner.SignL1Action(_key, NewAction(), ++_nonce, HyperliquidNetwork.Mainnet);

    [Benchmark(Description = "Signed /exchange body (sign + JSON)")]
    public byte[] SignedRequestBody() => HyperliquidExchangeClient.BuildL1Request(_key, NewAction(), ++_nonce, HyperliquidNetwork.Mainnet, null);

    private static OrderAction NewAction() =>
        new([new HyperliquidOrder(1, isBuy: true, limitPrice: 3583.5m, size: 0.586m, reduceOnly: false, HyperliquidOrderType.Limit(TimeInForce.Ioc), OrderCloid)]);
}
