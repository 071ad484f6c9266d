namespace Maxxit.Sdk.Storage;

/// <summary>The outcome of <see cref="IExecutionStore.ReserveExecutionsAsync"/>.</summary>
public enum ReservationStatus
{
    /// <summary>The position, audit row and policy record were written.</summary>
    Reserved = 0,

    /// <summary>A position for the (signal, deployment) existed already; nothing was written.</summary>
    Existing = 1,

    /// <summary>The deployment's positions changed since the policy read them: evaluate the policy again. Nothing was written.</summary>
    PolicyStateChanged = 2,

    /// <summary>The executor's claim on the signal is no longer the current one: stop. Nothing was written.</summary>
    ClaimLost = 3,
}
