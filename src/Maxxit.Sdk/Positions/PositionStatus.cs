namespace Maxxit.Sdk.Positions;

/// <summary>
/// Lifecycle of a position: <c>Reserved → Submitted → PendingFill → Open → Closing → Closed</c>, plus the end states
/// <see cref="Cancelled"/>, <see cref="Failed"/> and <see cref="NeedsReconciliation"/>. Only <see cref="Open"/> (and
/// <see cref="Closing"/>, which is still open on the venue) counts as open in exposure, stats and PnL; reserved and
/// submitted orders count at their intended notional in policy limits. See docs/architecture.md for who moves each transition.
/// </summary>
public enum PositionStatus
{
    /// <summary>Reserved for a (signal, deployment) and routed; the order has not been sent yet.</summary>
    Reserved = 0,

    /// <summary>Open on the venue with its fill.</summary>
    Open = 1,

    /// <summary>A close has been claimed and is being sent, or is waiting for the venue to fill it.</summary>
    Closing = 2,

    /// <summary>Closed; exit price and PnL are known.</summary>
    Closed = 3,

    /// <summary>The order could not be sent (no adapter, invalid request); nothing reached the venue.</summary>
    Failed = 4,

    /// <summary>The order is being sent; its outcome is not recorded yet (a crash here is resumed with the same client order id).</summary>
    Submitted = 5,

    /// <summary>The venue accepted the order but has not filled it yet; fill confirmation asks for its fate.</summary>
    PendingFill = 6,

    /// <summary>The venue refused or cancelled the order; the reason is kept. Never counts as open.</summary>
    Cancelled = 7,

    /// <summary>We cannot tell what the venue did (bounded retries exhausted): an operator or the reconciler must look.</summary>
    NeedsReconciliation = 8,
}
