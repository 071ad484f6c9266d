using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// Renews a lease every third of its length while work is in flight (a signal's claim during its fan-out, a helper's
/// fan-out items while their orders are out), so that a slow venue does not hand the work to a second host. When a
/// renewal finds the lease lost, <see cref="Lost"/> is cancelled: no new order is started, and the fenced writes of
/// orders already in flight are refused by the store.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;

    public LeaseHeartbeat(ISignalStore store, Guid signalId, long fence, TimeSpan lease, TimeProvider time, ILogger logger)
        : this((now, ct) => store.RenewSignalLeaseAsync(signalId, fence, now, lease, ct), $"the claim on signal {signalId} (fence {fence})", lease, time, logger)
    {
    }

    /// <summary>A heartbeat for any lease: <paramref name="renew"/> answers false once nothing it holds is renewed.</summary>
    public LeaseHeartbeat(Func<DateTimeOffset, CancellationToken, Task<bool>> renew, string what, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        var period = lease / 3;
        _timer = new PeriodicTimer(period > TimeSpan.Zero ? period : TimeSpan.FromMilliseconds(1), time);
        _loop = RunAsync(renew, what, time, logger);
    }

    /// <summary>Cancelled once the claim is known to be lost.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        // Disposing the timer ends the wait for the next tick without an exception (one per signal otherwise); the
        // token only stops a renewal that is in flight.
        _timer.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RunAsync(Func<DateTimeOffset, CancellationToken, Task<bool>> renew, string what, TimeProvider time, ILogger logger)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                bool renewed;
                try
                {
                    renewed = await renew(time.GetUtcNow(), _stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed renewal is not a lost claim; the next tick tries again well before the lease lapses.
                    logger.LogWarning(ex, "Renewing {Lease} failed; retrying", what);
                    continue;
                }

                if (!renewed)
                {
                    logger.LogWarning("{Lease} was taken over by another host; stopping", what);
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
