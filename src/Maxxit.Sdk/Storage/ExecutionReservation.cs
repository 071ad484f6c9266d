using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>What is written, in one transaction, before an order is sent for a (signal, deployment).</summary>
/// <param name="Position">The position in <see cref="PositionStatus.Reserved"/>.</param>
/// <param name="Routing">The routing decision's audit row.</param>
/// <param name="Policy">The policy's decision for this deployment.</param>
public sealed record ExecutionReservation(Position Position, RoutingRecord Routing, PolicyRecord Policy);
