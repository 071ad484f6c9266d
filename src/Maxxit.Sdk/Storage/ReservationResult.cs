using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>The result of reserving a (signal, deployment).</summary>
/// <param name="Position">The reserved position, or the one that already existed.</param>
/// <param name="IsNew">True when this call reserved it; false when a position for the pair existed already (nothing was written).</param>
public sealed record ReservationResult(Position Position, bool IsNew);
