using Maxxit.Sdk.Execution;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Execution;

public sealed class LeaseHeartbeatTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Renews_every_third_of_the_lease_at_the_clocks_time()
    {
        var renewals = new List<DateTimeOffset>();
        await using (new LeaseHeartbeat((now, _) => { renewals.Add(now); return Task.FromResult(true); }, "test lease", Lease, _time, NullLogger.Instance))
        {
            _time.Advance(Lease / 3 - TimeSpan.FromSeconds(1));
            Assert.Empty(renewals);
            _time.Advance(TimeSpan.FromSeconds(1));
            _time.Advance(Lease / 3);
            Assert.Equal([_time.GetUtcNow() - (Lease / 3), _time.GetUtcNow()], renewals);
        }

        _time.Advance(Lease);
        Assert.Equal(2, renewals.Count);
    }

    [Fact]
    public async Task A_renewal_that_finds_the_lease_lost_cancels_Lost_and_stops()
    {
        var calls = 0;
        var heartbeat = new LeaseHeartbeat((_, _) => { calls++; return Task.FromResult(false); }, "test lease", Lease, _time, NullLogger.Instance);
        var lost = heartbeat.Lost;
        Assert.False(heartbeat.IsLost);
        _time.Advance(Lease / 3);
        Assert.True(heartbeat.IsLost);
        Assert.True(lost.IsCancellationRequested);
        _time.Advance(Lease);
        Assert.Equal(1, calls);
        await heartbeat.DisposeAsync();
    }

    [Fact]
    public async Task A_failed_renewal_is_not_a_lost_lease_and_is_tried_again_at_the_next_tick()
    {
        var calls = 0;
        await using var heartbeat = new LeaseHeartbeat((_, _) => ++calls == 1 ? throw new TimeoutException("store down") : Task.FromResult(true), "test lease", Lease, _time, NullLogger.Instance);
        _time.Advance(Lease / 3);
        _time.Advance(Lease / 3);
        Assert.Equal(2, calls);
        Assert.False(heartbeat.IsLost);
    }

    [Fact]
    public async Task A_tick_during_a_slow_renewal_renews_again_right_after_it()
    {
        var first = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var heartbeat = new LeaseHeartbeat((_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                return first.Task;
            }

            second.TrySetResult();
            return Task.FromResult(true);
        }, "test lease", Lease, _time, NullLogger.Instance);
        _time.Advance(Lease / 3);
        _time.Advance(Lease / 3);
        Assert.Equal(1, Volatile.Read(ref calls));
        first.SetResult(true);
        await second.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Dispose_stops_a_renewal_in_flight_and_waits_for_it()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = false;
        var heartbeat = new LeaseHeartbeat(async (_, ct) =>
        {
            started.SetResult();
            try
            {
                // A renewal the store never answers: it ends only when the heartbeat stops it.
                await new TaskCompletionSource().Task.WaitAsync(ct);
                return true;
            }
            finally
            {
                ended = true;
            }
        }, "test lease", Lease, _time, NullLogger.Instance);
        _time.Advance(Lease / 3);
        await started.Task;
        await heartbeat.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(ended);
        Assert.False(heartbeat.IsLost);
    }
}
