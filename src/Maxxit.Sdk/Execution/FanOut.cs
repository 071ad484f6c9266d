namespace Maxxit.Sdk.Execution;

/// <summary>
/// Runs a step for each index of a fan-out, at most a given number at once. A fan-out small enough to run entirely at
/// once (most: a few deployments) starts every step on the calling thread, each until its first wait, and then waits
/// for them together: no thread-pool work item and no thread wake-up per deployment, which at thousands of signals a
/// second was a large part of the executor's CPU. A larger one goes through <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>,
/// which also spreads the steps' synchronous parts (policy, routing) over the cores.
/// </summary>
internal static class FanOut
{
    /// <summary>The largest fan-out started inline; its steps' synchronous parts run one after another.</summary>
    public const int InlineLimit = 16;

    /// <summary>Runs <paramref name="step"/> for 0 … <paramref name="count"/> − 1, at most <paramref name="maxParallel"/> at once; throws the first step's exception once every started step ended.</summary>
    public static Task ForEachAsync(int count, int maxParallel, Func<int, ValueTask> step)
    {
        if (count == 0)
        {
            return Task.CompletedTask;
        }

        if (count > InlineLimit || count > maxParallel)
        {
            return Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = maxParallel }, (i, _) => step(i));
        }

        return InlineAsync(count, step);
    }

    private static async Task InlineAsync(int count, Func<int, ValueTask> step)
    {
        Task[]? running = null;
        var pending = 0;
        for (var i = 0; i < count; i++)
        {
            ValueTask started;
            try
            {
                started = step(i);
            }
            catch (Exception ex)
            {
                // A step that throws before its first wait: as with Parallel.ForEachAsync, no further step is started,
                // and the steps already started end before the exception is seen (none is left running unobserved).
                (running ??= new Task[count - i])[pending++] = Task.FromException(ex);
                break;
            }

            if (started.IsCompletedSuccessfully)
            {
                continue;
            }

            (running ??= new Task[count - i])[pending++] = started.AsTask();
            if (started.IsCompleted)
            {
                // Failed at once: no further step is started either.
                break;
            }
        }

        if (running is not null)
        {
            await Task.WhenAll(pending == running.Length ? running : running[..pending]).ConfigureAwait(false);
        }
    }
}
