using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Sources;

/// <summary>A research source held in memory: add calls, and the worker reads them like a feed. Thread-safe.</summary>
public sealed class InMemoryResearchSource : IResearchSource
{
    private readonly Lock _lock = new();
    private readonly List<ResearchSignal> _items = [];

    /// <summary>Adds research calls.</summary>
    public void Add(params IEnumerable<ResearchSignal> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_lock)
        {
            _items.AddRange(items);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ResearchSignal>> GetResearchAsync(string instituteId, ResearchPosition? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instituteId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<ResearchSignal> result = _items
                .Where(r => r.InstituteId == instituteId && ResearchPosition.IsAfter(r, after))
                .OrderBy(ResearchPosition.Of)
                .ToArray();
            return Task.FromResult(result);
        }
    }
}
