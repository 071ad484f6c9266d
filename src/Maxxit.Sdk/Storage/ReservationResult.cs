using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>The result of reserving a (signal, deployment).</summary>
/// <param name="Status">What happened.</param>
/// <param name="Position">The reserved position, or the one that already existed; null when nothing was reserved.</param>
public sealed record ReservationResult(ReservationStatus Status, Position? Position)
{
    /// <summary>True when this call reserved the position.</summary>
    public bool IsNew => Status == ReservationStatus.Reserved;
}
