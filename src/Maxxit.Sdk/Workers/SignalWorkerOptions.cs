namespace Maxxit.Sdk.Workers;

/// <summary>Options of the signal worker.</summary>
public sealed class SignalWorkerOptions
{
    /// <summary>Time between the starts of two cycles (default 30 s; 100 ms to 1 day). The first cycle runs at once.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Execute the stored signals through the trade executor (default true; false only stores them).</summary>
    public bool ExecuteSignals { get; set; } = true;

    /// <summary>
    /// Items older than this when read (e.g. an account's backlog on an agent's first cycle) are consumed without being
    /// used, so that nobody trades on stale news (default 24 h; null keeps everything).
    /// </summary>
    public TimeSpan? MaxItemAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// At the start of each cycle, execute up to this many signals left PENDING (e.g. by a stop or crash between storing
    /// and executing) or whose executor claim lapsed (default 50; 0 turns it off). Any pending signal counts, manual ones too.
    /// </summary>
    public int ResumePendingSignals { get; set; } = 50;

    /// <summary>
    /// After resuming pending signals, help with other hosts' wide fan-outs: claim and place up to this many of their
    /// reserved, unsent orders (<see cref="Execution.IFanOutHelper"/>; default 256; 0 turns it off).
    /// </summary>
    public int HelpWithFanOutOrders { get; set; } = 256;
}
