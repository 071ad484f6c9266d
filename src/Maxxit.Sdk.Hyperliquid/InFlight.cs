using System.Collections.Concurrent;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// Joins concurrent calls for the same key onto one running task. The exchange is asked for a cloid before an order is
/// placed, but two calls in the same process could both ask before either places; sharing the call closes that gap.
/// </summary>
internal sealed class InFlight<TKey, TResult>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TResult>>> _running = new();

    public async Task<TResult> RunAsync(TKey key, Func<Task<TResult>> work)
    {
        var lazy = new Lazy<Task<TResult>>(work, LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = _running.GetOrAdd(key, lazy);
        try
        {
            return await shared.Value.ConfigureAwait(false);
        }
        finally
        {
            if (ReferenceEquals(shared, lazy))
            {
                _running.TryRemove(new KeyValuePair<TKey, Lazy<Task<TResult>>>(key, lazy));
            }
        }
    }
}
