using System.Collections.Concurrent;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Hyperliquid.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Signing;

public sealed class NonceProviderTests
{
    private static readonly EthereumAddress SignerA = EthereumAddress.Parse("0x1719884eb866cb12b2287399b15f7db5e7d775ea");
    private static readonly EthereumAddress SignerB = EthereumAddress.Parse("0x5e9ee1089755c3435139848e47e6635505d5a13a");

    [Fact]
    public void Nonces_are_the_clock_in_milliseconds_when_it_moves_on()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1732406400000));
        var nonces = new HyperliquidNonceProvider(time);

        Assert.Equal(1732406400000, nonces.Next(SignerA));
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(1732406400250, nonces.Next(SignerA));
    }

    [Fact]
    public void Within_one_millisecond_nonces_are_bumped_per_signer()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1000));
        var nonces = new HyperliquidNonceProvider(time);

        Assert.Equal([1000, 1001, 1002], new[] { nonces.Next(SignerA), nonces.Next(SignerA), nonces.Next(SignerA) });
        Assert.Equal(1000, nonces.Next(SignerB));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1003, nonces.Next(SignerA));
    }

    [Fact]
    public async Task Concurrent_callers_never_share_a_nonce_and_each_sees_them_increase()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1732406400000));
        var nonces = new HyperliquidNonceProvider(time);
        var all = new ConcurrentBag<long>();
        using var start = new Barrier(8);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            var previous = long.MinValue;
            for (var i = 0; i < 5_000; i++)
            {
                if (i % 1000 == 0)
                {
                    time.Advance(TimeSpan.FromMilliseconds(1));
                }

                var nonce = nonces.Next(SignerA);
                Assert.True(nonce > previous);
                previous = nonce;
                all.Add(nonce);
            }
        })));

        Assert.Equal(40_000, all.Distinct().Count());
    }
}
