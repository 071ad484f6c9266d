using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// The order outcomes of one fan-out, held until they are written together (<see cref="IExecutionStore.RecordOrderOutcomesAsync"/>),
/// with the signal's completion at the end or in chunks while a large fan-out runs. Until then a position stays SUBMITTED,
/// which a crash leaves to be resumed under the same client order id (or asked about by fill confirmation): nothing is
/// placed twice, and nothing is lost but the time to ask again. Thread-safe.
/// </summary>
internal sealed class OrderOutcomeBatch
{
    /// <summary>A chunk this large is written at once, so that a crash leaves at most this many fills to be learnt again.</summary>
    public const int FlushAt = 128;

    private readonly Lock _lock = new();
    private List<Entry> _entries = [];

    /// <summary>
    /// One order's outcome waiting to be written: <paramref name="Execution"/> is what the deployment reports once it
    /// is (its position replaced by the stored row), <paramref name="Metric"/> the trade counter then incremented, and
    /// <paramref name="RefusedReason"/> the reason reported when the store refuses it.
    /// </summary>
    public sealed record Entry(OrderOutcome Outcome, DeploymentExecution Execution, string Metric, Venue Venue, string RefusedReason);

    public void Add(Entry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>Takes every entry added so far (the caller writes them), or only when at least <paramref name="atLeast"/> wait.</summary>
    public List<Entry> Take(int atLeast = 0)
    {
        lock (_lock)
        {
            if (_entries.Count < atLeast || _entries.Count == 0)
            {
                return [];
            }

            var taken = _entries;
            _entries = [];
            return taken;
        }
    }
}
