using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Support;

/// <summary>Waits for a condition that another thread makes true, advancing a fake clock (when given) between looks.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, FakeTimeProvider? time = null, TimeSpan? step = null, string? what = null)
    {
        for (var i = 0; i < 5_000; i++)
        {
            if (condition())
            {
                return;
            }

            if (time is not null)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(2);
        }

        throw new TimeoutException("Condition never became true: " + (what ?? "(unnamed)"));
    }

    /// <summary>The next item of a stream, advancing the fake clock while it is awaited.</summary>
    public static async Task<T> NextAsync<T>(IAsyncEnumerator<T> stream, FakeTimeProvider? time = null, TimeSpan? step = null)
    {
        var next = stream.MoveNextAsync().AsTask();
        if (time is null)
        {
            // Nothing to drive: wait for the item itself.
            Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)), "The stream ended.");
            return stream.Current;
        }

        for (var i = 0; i < 5_000 && !next.IsCompleted; i++)
        {
            time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(next, Task.Delay(2));
        }

        if (!next.IsCompleted)
        {
            throw new TimeoutException("The stream produced nothing.");
        }

        Assert.True(await next, "The stream ended.");
        return stream.Current;
    }
}
