using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Testing.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when the code under test starts a new timer (a <c>Task.Delay</c> on this
/// clock, a timer being armed), so a test can move the clock on exactly when something waits on it, instead of
/// advancing it on a wall-clock rhythm.
/// </summary>
public sealed class TimerSignalingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource _created = NewSignal();

    /// <summary>Completes when the next timer is created after this property was read.</summary>
    public Task NextTimerCreated => Volatile.Read(ref _created).Task;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Exchange(ref _created, NewSignal()).TrySetResult();
        return timer;
    }

    /// <summary>
    /// Moves the clock on by <paramref name="step"/> each time the code under test waits on a new timer, until
    /// <paramref name="task"/> is done; fails when neither happens within <paramref name="patience"/>.
    /// </summary>
    public async Task<T> AdvanceWhileWaitingAsync<T>(Task<T> task, TimeSpan step, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(task);
        while (!task.IsCompleted)
        {
            var created = NextTimerCreated;
            Advance(step);
            await Task.WhenAny(task, created).WaitAsync(patience);
        }

        return await task;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
