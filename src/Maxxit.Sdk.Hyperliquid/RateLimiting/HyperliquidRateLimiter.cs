using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maxxit.Sdk.Hyperliquid.RateLimiting;

/// <summary>
/// One weight budget per IP, counted the way Hyperliquid counts it: a bucket that refills <see cref="Capacity"/> weight
/// evenly over a minute, shared by the Info and Exchange clients (and so by every deployment of a fan-out). The bucket
/// holds <see cref="Burst"/> = Capacity minus a 1 % headroom (at least 2): requests reach the venue a little after we
/// count them, and while its bucket is full that lag is refill it never credits, so spending the last weight at once
/// would earn a 429 on the next request.
/// A request waits its turn (first come, first served) until its weight is available instead of earning a 429; weight
/// an answer adds afterwards (paged responses) is charged as debt the next requests wait for. A 429 empties the bucket
/// and pauses it with a jittered, growing back-off.
/// </summary>
public sealed class HyperliquidRateLimiter
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly double _perSecond;
    private double _tokens;
    private long _refilledAt;
    private long _pausedUntil;
    private int _throttles;
    private int _queued;

    /// <summary>Creates a limiter with a full bucket.</summary>
    /// <param name="weightPerMinute">The budget per minute (1,200 on Hyperliquid's public API).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where 429s are reported.</param>
    public HyperliquidRateLimiter(int weightPerMinute, TimeProvider time, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weightPerMinute, 1);
        ArgumentNullException.ThrowIfNull(time);
        Capacity = weightPerMinute;
        Burst = Math.Max(1, weightPerMinute - Math.Max(2, weightPerMinute / 100));
        _perSecond = weightPerMinute / 60.0;
        _tokens = Burst;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _refilledAt = time.GetTimestamp();
        _pausedUntil = _refilledAt;
    }

    /// <summary>The budget: weight per minute.</summary>
    public int Capacity { get; }

    /// <summary>The most weight the bucket holds (and the most one request can take).</summary>
    public int Burst { get; }

    /// <summary>Weight available now (negative while paying off the extra weight of paged answers).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Requests waiting for weight now.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>429 answers since the last successful request.</summary>
    public int ConsecutiveThrottles => Volatile.Read(ref _throttles);

    /// <summary>Waits until <paramref name="weight"/> is available, then takes it.</summary>
    /// <param name="weight">The request's weight (capped at <see cref="Burst"/> so that any request can pass).</param>
    /// <param name="cancellationToken">Gives up waiting; nothing is taken.</param>
    /// <returns>How long the request waited.</returns>
    public async ValueTask<TimeSpan> AcquireAsync(int weight, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        weight = Math.Min(weight, Burst);
        var started = _time.GetTimestamp();
        Interlocked.Increment(ref _queued);
        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    TimeSpan wait;
                    lock (_gate)
                    {
                        Refill();
                        var paused = _time.GetElapsedTime(_time.GetTimestamp(), _pausedUntil);
                        if (paused <= TimeSpan.Zero && _tokens >= weight)
                        {
                            _tokens -= weight;
                            return _time.GetElapsedTime(started);
                        }

                        var refill = TimeSpan.FromSeconds((weight - _tokens) / _perSecond);
                        wait = paused > refill ? paused : refill;
                    }

                    await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    /// <summary>Charges weight an answer added after it was sent (items of a paged answer); later requests wait for it.</summary>
    /// <param name="weight">The extra weight.</param>
    public void Charge(int weight)
    {
        if (weight <= 0)
        {
            return;
        }

        lock (_gate)
        {
            Refill();
            _tokens -= weight;
        }
    }

    /// <summary>
    /// The venue answered 429: our count and the venue's disagree (another process on the same IP, or a restart), so the
    /// bucket is emptied and paused for 1 s, 2 s, 4 s, … (at most 60 s, ± 20 % jitter) per consecutive 429.
    /// </summary>
    /// <returns>How long the bucket is paused.</returns>
    public TimeSpan OnThrottled()
    {
        var throttles = Interlocked.Increment(ref _throttles);
        var seconds = Math.Min(MaxPause.TotalSeconds, Math.Pow(2, Math.Min(throttles - 1, 6)));
        var pause = TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_tokens, 0);
            var until = _time.GetTimestamp() + (long)(pause.TotalSeconds * _time.TimestampFrequency);
            _pausedUntil = Math.Max(_pausedUntil, until);
        }

        _logger.LogWarning("Hyperliquid answered 429 ({Count} in a row): requests paused for {Pause}", throttles, pause);
        return pause;
    }

    /// <summary>A request went through: the 429 back-off starts again from 1 s.</summary>
    public void OnSuccess() => Interlocked.Exchange(ref _throttles, 0);

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Burst, _tokens + (elapsed * _perSecond));
            _refilledAt = now;
        }
    }
}
