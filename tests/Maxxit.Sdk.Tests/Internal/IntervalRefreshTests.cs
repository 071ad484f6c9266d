using Maxxit.Sdk.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Internal;

public sealed class IntervalRefreshTests
{
    [Fact]
    public async Task The_first_callers_cancel_does_not_fail_the_shared_load_for_the_others()
    {
        var time = new FakeTimeProvider();
        var refresh = new IntervalRefresh(time, TimeSpan.FromMinutes(5));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task Load(CancellationToken ct)
        {
            Interlocked.Increment(ref loads);
            started.TrySetResult(ct);
            await release.Task.WaitAsync(ct);
        }

        using var first = new CancellationTokenSource();
        var firstCall = refresh.EnsureFreshAsync(Load, first.Token).AsTask();
        var loadToken = await started.Task;
        var secondCall = refresh.EnsureFreshAsync(Load, CancellationToken.None).AsTask();

        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstCall);
        Assert.False(loadToken.IsCancellationRequested);
        Assert.False(secondCall.IsCompleted);

        release.SetResult();
        await secondCall;
        Assert.Equal(1, loads);

        // Fresh now: no load until the interval has passed.
        await refresh.EnsureFreshAsync(Load, CancellationToken.None);
        Assert.Equal(1, loads);
        time.Advance(TimeSpan.FromMinutes(5));
        await refresh.EnsureFreshAsync(Load, CancellationToken.None);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_failed_load_fails_its_waiters_and_the_next_call_tries_again()
    {
        var refresh = new IntervalRefresh(new FakeTimeProvider(), TimeSpan.FromMinutes(5));
        var attempts = 0;
        Task Load(CancellationToken ct) => Interlocked.Increment(ref attempts) == 1 ? Task.FromException(new InvalidOperationException("down")) : Task.CompletedTask;

        await Assert.ThrowsAsync<InvalidOperationException>(() => refresh.EnsureFreshAsync(Load, default).AsTask());
        await refresh.EnsureFreshAsync(Load, default);

        Assert.Equal(2, attempts);
    }
}
