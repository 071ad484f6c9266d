using System.Collections.Concurrent;
using Maxxit.Sdk;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sample.Api.Dashboard;

/// <summary>
/// Side and confidence of the signals behind recent routing decisions. A signal's side and confidence never change, so
/// each is read from the store once and remembered (a bounded cache, cleared when full).
/// </summary>
public sealed class SignalFacts
{
    private const int Capacity = 4096;
    private readonly IMaxxitStore _store;
    private readonly ConcurrentDictionary<Guid, Fact> _facts = new();

    /// <summary>Creates the cache.</summary>
    public SignalFacts(IMaxxitStore store) => _store = store;

    /// <summary>The signal's side and confidence, or null when there is no such signal.</summary>
    public async ValueTask<Fact?> GetAsync(Guid signalId, CancellationToken cancellationToken)
    {
        if (_facts.TryGetValue(signalId, out var fact))
        {
            return fact;
        }

        var signal = await _store.GetSignalAsync(signalId, cancellationToken);
        if (signal is null)
        {
            return null;
        }

        if (_facts.Count >= Capacity)
        {
            _facts.Clear();
        }

        return _facts[signalId] = new Fact(signal.Side, signal.Confidence);
    }

    /// <summary>What the activity table shows of a signal.</summary>
    /// <param name="Side">LONG or SHORT.</param>
    /// <param name="Confidence">0–1.</param>
    public sealed record Fact(TradeSide Side, decimal Confidence);
}
