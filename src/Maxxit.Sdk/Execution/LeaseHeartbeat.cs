using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// Renews a lease every third of its length while work is in flight (a signal's claim during its fan-out, a helper's
/// fan-out items while their orders are out), so that a slow venue does not hand the work to a second host. When a
/// renewal finds the lease lost, <see cref="Lost"/> is cancelled: no new order is started, and the fenced writes of
/// orders already in flight are refused by the store.
/// </summary>
/// <remarks>
/// One is made per signal, so it costs only a timer until its first tick (most fan-outs end long before): the renewal
/// runs from the timer's callback, one at a time (a tick that comes during a renewal runs another right after it), and
/// the description in its log lines is only formatted when one is written.
/// </remarks>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Func<DateTimeOffset, CancellationToken, Task<bool>>? _renew;
    private readonly ISignalStore? _store;
    private readonly Guid _signalId;
    private readonly long _fence;
    private readonly TimeSpan _lease;
    private readonly string? _what;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private CancellationTokenSource? _stop;
    private TaskCompletionSource? _renewing;
    private bool _tickMissed;
    private bool _stopped;

    /// <summary>A heartbeat for the claim on a signal, under its fence.</summary>
    public LeaseHeartbeat(ISignalStore store, Guid signalId, long fence, TimeSpan lease, TimeProvider time, ILogger logger)
        : this(lease, time, logger, store, signalId, fence, null, null)
    {
    }

    /// <summary>A heartbeat for any lease: <paramref name="renew"/> answers false once nothing it holds is renewed.</summary>
    public LeaseHeartbeat(Func<DateTimeOffset, CancellationToken, Task<bool>> renew, string what, TimeSpan lease, TimeProvider time, ILogger logger)
        : this(lease, time, logger, null, Guid.Empty, 0, renew, what)
    {
    }

    private LeaseHeartbeat(TimeSpan lease, TimeProvider time, ILogger logger, ISignalStore? store, Guid signalId, long fence, Func<DateTimeOffset, CancellationToken, Task<bool>>? renew, string? what)
    {
        _store = store;
        _signalId = signalId;
        _fence = fence;
        _renew = renew;
        _what = what;
        _lease = lease;
        _time = time;
        _logger = logger;
        var period = lease / 3;
        if (period <= TimeSpan.Zero)
        {
            period = TimeSpan.FromMilliseconds(1);
        }

        // Created last: its callback may run at once on another thread.
        _timer = time.CreateTimer(static s => ((LeaseHeartbeat)s!).OnTick(), this, period, period);
    }

    /// <summary>Cancelled once the claim is known to be lost.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        // No renewal starts after this; one in flight is stopped by the token and waited for.
        Task? inFlight;
        CancellationTokenSource? stop;
        lock (_lock)
        {
            _stopped = true;
            inFlight = _renewing?.Task;
            stop = _stop;
        }

        _timer.Dispose();
        if (inFlight is not null)
        {
            await stop!.CancelAsync().ConfigureAwait(false);
            await inFlight.ConfigureAwait(false);
        }

        stop?.Dispose();
        _lost.Dispose();
    }

    private string What => _what ?? $"the claim on signal {_signalId} (fence {_fence})";

    private void OnTick()
    {
        TaskCompletionSource renewing;
        CancellationTokenSource stop;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            if (_renewing is not null)
            {
                // A renewal is still running: another follows right after it, as a periodic timer's missed tick would.
                _tickMissed = true;
                return;
            }

            renewing = _renewing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            stop = _stop ??= new CancellationTokenSource();
        }

        _ = RenewAsync(renewing, stop);
    }

    private async Task RenewAsync(TaskCompletionSource renewing, CancellationTokenSource stop)
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                bool renewed;
                try
                {
                    var now = _time.GetUtcNow();
                    renewed = await (_renew is { } renew ? renew(now, stop.Token) : _store!.RenewSignalLeaseAsync(_signalId, _fence, now, _lease, stop.Token)).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed renewal is not a lost claim; the next tick tries again well before the lease lapses.
                    _logger.LogWarning(ex, "Renewing {Lease} failed; retrying", What);
                    renewed = true;
                }

                if (!renewed)
                {
                    _logger.LogWarning("{Lease} was taken over by another host; stopping", What);
                    lock (_lock)
                    {
                        _stopped = true;
                    }

                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                lock (_lock)
                {
                    if (_stopped || !_tickMissed)
                    {
                        return;
                    }

                    _tickMissed = false;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
        catch (Exception ex)
        {
            // As before: a renewal cancelled by anything but the stop ends the heartbeat and is seen by DisposeAsync.
            failure = ex;
        }
        finally
        {
            lock (_lock)
            {
                _tickMissed = false;
                if (failure is null)
                {
                    _renewing = null;
                }
                else
                {
                    // Kept (faulted), so that DisposeAsync throws it; no renewal starts again.
                    _stopped = true;
                }
            }

            if (failure is null)
            {
                renewing.SetResult();
            }
            else
            {
                renewing.SetException(failure);
            }
        }
    }
}
