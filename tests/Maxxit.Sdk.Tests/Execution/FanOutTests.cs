using Maxxit.Sdk.Execution;

namespace Maxxit.Sdk.Tests.Execution;

public sealed class FanOutTests
{
    [Fact]
    public async Task A_small_fan_out_starts_every_step_before_returning_and_they_run_at_once()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var finished = 0;
        var run = FanOut.ForEachAsync(3, 16, async i =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
            Interlocked.Increment(ref finished);
        });

        // Inline: each step ran on this thread up to its wait, so all three wait at once (none queued behind another).
        Assert.Equal(3, started);
        Assert.False(run.IsCompleted);
        release.SetResult();
        await run;
        Assert.Equal(3, finished);
    }

    [Fact]
    public async Task Steps_that_finish_without_waiting_complete_the_fan_out_at_once()
    {
        var seen = new bool[4];
        var run = FanOut.ForEachAsync(4, 16, i =>
        {
            seen[i] = true;
            return ValueTask.CompletedTask;
        });

        Assert.True(run.IsCompletedSuccessfully);
        await run;
        Assert.All(seen, Assert.True);
    }

    [Fact]
    public async Task A_failed_step_is_reported_after_the_steps_already_started_ended()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowEnded = false;
        var run = FanOut.ForEachAsync(2, 16, async i =>
        {
            if (i == 0)
            {
                await release.Task;
                slowEnded = true;
                return;
            }

            await Task.Yield();
            failing.SetResult();
            throw new InvalidOperationException("step 1 failed");
        });

        await failing.Task;
        Assert.False(run.IsCompleted);
        release.SetResult();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("step 1 failed", ex.Message);
        Assert.True(slowEnded);
    }

    [Fact]
    public async Task A_step_that_fails_at_once_starts_no_further_step()
    {
        var started = new List<int>();
        var run = FanOut.ForEachAsync(3, 16, i =>
        {
            started.Add(i);
            return i == 1 ? ValueTask.FromException(new InvalidOperationException("no")) : ValueTask.CompletedTask;
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal([0, 1], started);
    }

    [Theory]
    [InlineData(FanOut.InlineLimit + 9, 4)]
    [InlineData(5, 2)]
    public async Task A_fan_out_larger_than_its_bound_runs_every_step_at_most_the_bound_at_once(int count, int maxParallel)
    {
        var running = 0;
        var peak = 0;
        var done = new int[count];
        await FanOut.ForEachAsync(count, maxParallel, async i =>
        {
            var now = Interlocked.Increment(ref running);
            int seen;
            while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }

            await Task.Yield();
            Interlocked.Decrement(ref running);
            done[i]++;
        });

        Assert.All(done, d => Assert.Equal(1, d));
        Assert.InRange(peak, 1, maxParallel);
    }
}
