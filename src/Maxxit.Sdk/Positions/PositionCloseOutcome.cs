namespace Maxxit.Sdk.Positions;

/// <summary>What a close did.</summary>
public enum PositionCloseOutcome
{
    /// <summary>The position is CLOSED.</summary>
    Closed = 0,

    /// <summary>Another closer holds it, or it is not open; nothing was done.</summary>
    NotClaimed = 1,

    /// <summary>The venue accepted the close and fills it later (or its outcome is not known yet): the position stays CLOSING.</summary>
    Pending = 2,

    /// <summary>The venue refused the close or did not fill it: the position is OPEN again and is retried under a new attempt id.</summary>
    Reopened = 3,

    /// <summary>Too many close attempts failed or came back unknown: the position is NEEDS_RECONCILIATION.</summary>
    NeedsReconciliation = 4,
}
