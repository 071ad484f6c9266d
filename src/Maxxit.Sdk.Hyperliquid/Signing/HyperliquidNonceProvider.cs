using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Maxxit.Sdk.Ethereum;

namespace Maxxit.Sdk.Hyperliquid.Signing;

/// <summary>
/// Nonces for signed actions: the current time in milliseconds, bumped so that each signer's nonces strictly increase
/// even when several requests are signed within the same millisecond on different threads. The exchange rejects a
/// repeated nonce, so two concurrent orders for one agent must never share one.
/// </summary>
public sealed class HyperliquidNonceProvider
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<EthereumAddress, StrongBox<long>> _last = new();

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock.</param>
    public HyperliquidNonceProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>The next nonce for a signer: max(now in ms, previous + 1).</summary>
    /// <param name="signer">The signing address (agent or user).</param>
    /// <returns>A nonce greater than every nonce returned before for this signer.</returns>
    public long Next(EthereumAddress signer)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var cell = _last.GetOrAdd(signer, static _ => new StrongBox<long>(0));
        while (true)
        {
            var last = Volatile.Read(ref cell.Value);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref cell.Value, next, last) == last)
            {
                return next;
            }
        }
    }
}
