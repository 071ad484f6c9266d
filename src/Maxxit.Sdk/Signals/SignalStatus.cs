namespace Maxxit.Sdk.Signals;

/// <summary>Where a signal is in its execution.</summary>
public enum SignalStatus
{
    /// <summary>Stored, not yet executed.</summary>
    Pending = 0,

    /// <summary>Claimed by an executor (under a lease).</summary>
    Executing = 1,

    /// <summary>At least one deployment got a position.</summary>
    Executed = 2,

    /// <summary>No position was opened by design (no venue lists the token, every deployment refused by policy, or none active); the reason is kept.</summary>
    Skipped = 3,

    /// <summary>Every attempt failed at the venue; the reason is kept.</summary>
    Failed = 4,
}
