using Maxxit.Sdk.Hyperliquid.Info;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>
/// Exactly-once delivery of one user's fills across snapshots, reconnects and gap fills: every fill is keyed
/// (<see cref="HyperliquidFill.Key"/>: the tid, or hash/oid/time/size/price for fills without one) and delivered only
/// the first time it is seen. The first snapshot after subscribing marks history as seen without delivering it.
/// Used from the receive loop only.
/// </summary>
internal sealed class FillTracker
{
    private const int Remembered = 20_000;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Whether the first snapshot arrived; before it there is no point to resume from.</summary>
    public bool Primed { get; private set; }

    /// <summary>The newest fill time seen, UTC milliseconds: where a gap fill resumes.</summary>
    public long LastTime { get; private set; }

    /// <summary>The fills not seen before, oldest first; they are now seen.</summary>
    public List<HyperliquidFill> Accept(IEnumerable<HyperliquidFill> fills, bool isSnapshot)
    {
        var fresh = new List<HyperliquidFill>();
        foreach (var fill in fills.OrderBy(f => f.Time))
        {
            LastTime = Math.Max(LastTime, fill.Time);
            if (Remember(fill.Key))
            {
                fresh.Add(fill);
            }
        }

        if (isSnapshot && !Primed)
        {
            Primed = true;
            return [];
        }

        Primed = true;
        return fresh;
    }

    private bool Remember(string key)
    {
        if (!_seen.Add(key))
        {
            return false;
        }

        _order.Enqueue(key);
        if (_order.Count > Remembered)
        {
            _seen.Remove(_order.Dequeue());
        }

        return true;
    }
}
