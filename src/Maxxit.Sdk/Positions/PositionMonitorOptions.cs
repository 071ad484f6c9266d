namespace Maxxit.Sdk.Positions;

/// <summary>Options of the position monitor and of closing (<c>AddPositionMonitor(o => …)</c>).</summary>
public sealed class PositionMonitorOptions
{
    /// <summary>Time between two passes over the open positions (default 5 s; 100 ms to 1 hour).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a closer's claim on a position lasts; after it lapses, a position left CLOSING (a crash between the
    /// venue's close and the store update) is taken over and finished (default 1 minute; 5 s to 1 hour).
    /// </summary>
    public TimeSpan CloseLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between two reconciliations with the venues' account state; one also runs at start (default 1 minute; 1 s to 1 day).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Positions opened more recently than this are never concluded closed outside the SDK, because a venue's account
    /// state can lag a fresh fill (default 30 s; 0 to 1 hour).
    /// </summary>
    public TimeSpan ReconcileGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Positions read per page: every pass walks all OPEN (and CLOSING, PENDING_FILL) positions oldest first with
    /// keyset pagination, this many at a time (default 1 000; 1 to 10 000).
    /// </summary>
    public int PageSize { get; set; } = 1_000;

    /// <summary>Close attempts of one position (each with its own client order id) before it needs reconciliation (default 5; 1 to 100).</summary>
    public int MaxCloseAttempts { get; set; } = 5;

    /// <summary>With several monitor hosts: how many share the positions (default 1; 1 to 1 024). Each host checks one shard.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>This host's shard, 0 to <see cref="ShardCount"/> − 1 (default 0).</summary>
    public int ShardIndex { get; set; }
}
