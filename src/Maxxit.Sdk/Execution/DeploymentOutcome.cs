namespace Maxxit.Sdk.Execution;

/// <summary>What happened to a signal for one deployment.</summary>
public enum DeploymentOutcome
{
    /// <summary>A position was opened (filled).</summary>
    Opened = 0,

    /// <summary>A position for this (signal, deployment) already existed; nothing new was placed.</summary>
    AlreadyExecuted = 1,

    /// <summary>The user's policy refused the trade.</summary>
    PolicyRejected = 2,

    /// <summary>No venue could take the trade.</summary>
    NoVenue = 3,

    /// <summary>The order could not be placed (no adapter, invalid request); nothing reached the venue.</summary>
    Failed = 4,

    /// <summary>
    /// The venue's answer is unknown (e.g. a timeout): the position stays SUBMITTED and fill confirmation asks the
    /// venue by client order id, a bounded number of times, before it goes to NEEDS_RECONCILIATION.
    /// </summary>
    Unknown = 5,

    /// <summary>The venue accepted the order and fills it later: the position is PENDING_FILL until fill confirmation learns its fate.</summary>
    Pending = 6,

    /// <summary>The venue refused or cancelled the order; the reason is kept on the CANCELLED position.</summary>
    Cancelled = 7,

    /// <summary>This executor's claim was taken over by another executor; its writes were refused and the other executor finishes the work.</summary>
    ClaimLost = 8,
}
