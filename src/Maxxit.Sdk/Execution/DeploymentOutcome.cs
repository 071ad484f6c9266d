namespace Maxxit.Sdk.Execution;

/// <summary>What happened to a signal for one deployment.</summary>
public enum DeploymentOutcome
{
    /// <summary>A position was opened.</summary>
    Opened = 0,

    /// <summary>A position for this (signal, deployment) already existed; nothing new was placed.</summary>
    AlreadyExecuted = 1,

    /// <summary>The user's policy refused the trade.</summary>
    PolicyRejected = 2,

    /// <summary>No venue could take the trade.</summary>
    NoVenue = 3,

    /// <summary>The venue refused the order or it could not be placed.</summary>
    Failed = 4,

    /// <summary>The venue's answer is unknown (e.g. a timeout); the signal stays claimed and is retried idempotently after its lease.</summary>
    Unknown = 5,
}
