using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Stats;

/// <summary>
/// The one place that turns per-state position counts into the overview's figures (what counts as a position, as
/// open, as closed), shared by every store so that they all answer the same.
/// </summary>
public static class PositionStatusCounts
{
    /// <summary>A dictionary with every <see cref="PositionStatus"/> as a key: the given counts, 0 for the others.</summary>
    public static IReadOnlyDictionary<PositionStatus, int> Complete(IEnumerable<KeyValuePair<PositionStatus, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var all = Enum.GetValues<PositionStatus>().ToDictionary(s => s, _ => 0);
        foreach (var (status, n) in counts)
        {
            all[status] += n;
        }

        return all;
    }

    /// <summary>Positions in any state but <see cref="PositionStatus.Failed"/> and <see cref="PositionStatus.Cancelled"/> (neither holds anything on a venue).</summary>
    public static int Total(IReadOnlyDictionary<PositionStatus, int> byStatus) =>
        Sum(byStatus, s => s is not (PositionStatus.Failed or PositionStatus.Cancelled));

    /// <summary>Positions counted as open: held on the venue (open, or closing). Orders in flight are not positions yet.</summary>
    public static int Open(IReadOnlyDictionary<PositionStatus, int> byStatus) =>
        Sum(byStatus, s => s is PositionStatus.Open or PositionStatus.Closing);

    /// <summary>Positions closed.</summary>
    public static int Closed(IReadOnlyDictionary<PositionStatus, int> byStatus) => Sum(byStatus, s => s == PositionStatus.Closed);

    private static int Sum(IReadOnlyDictionary<PositionStatus, int> byStatus, Func<PositionStatus, bool> include)
    {
        ArgumentNullException.ThrowIfNull(byStatus);
        return byStatus.Where(kv => include(kv.Key)).Sum(kv => kv.Value);
    }
}
