using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>What is written, in one transaction, before an order is sent for a (signal, deployment).</summary>
/// <param name="Position">
/// The position in <see cref="PositionStatus.Reserved"/>, or in <see cref="PositionStatus.Submitted"/> when its order is sent
/// right after the reservation (no separate <see cref="IExecutionStore.BeginSubmitAsync"/>); its <see cref="Position.Fence"/>
/// is the executor's signal claim. A reserved position carries no fill, close or lease fields.
/// </param>
/// <param name="Routing">The routing decision's audit row.</param>
/// <param name="Policy">The policy's decision for this deployment.</param>
/// <param name="PolicyStateVersion">
/// The <see cref="Policies.PolicyState.Version"/> the policy decided on. The reservation is written only if the
/// deployment's positions are still in that state, so two concurrent signals cannot both pass a limit.
/// Null when the policy has no limit that depends on the deployment's other positions: then nothing is checked.
/// </param>
public sealed record ExecutionReservation(Position Position, RoutingRecord Routing, PolicyRecord Policy, long? PolicyStateVersion);
