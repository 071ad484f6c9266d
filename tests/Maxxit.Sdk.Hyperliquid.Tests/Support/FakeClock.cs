using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Support;

/// <summary>Moves a fake clock forward in steps until a task is done, letting other threads register their timers between steps.</summary>
internal static class FakeClock
{
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Task task, TimeSpan step, int maxSteps = 20_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(1));
        }

        await task;
    }
}
