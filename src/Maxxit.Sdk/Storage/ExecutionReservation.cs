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
public sealed record ExecutionReservation(Position Position, RoutingRecord Routing, PolicyRecord Policy, long? PolicyStateVersion)
{
    /// <summary>
    /// The argument checks every store makes in <see cref="IExecutionStore.ClaimSignalWithReservationsAsync"/> before it
    /// writes anything: each reservation is for <paramref name="signalId"/> and its own deployment, under the claim's fence
    /// (<paramref name="observedFence"/> + 1), RESERVED or SUBMITTED, with no fill, close or lease fields, and has no
    /// policy-state check (those go through <see cref="IExecutionStore.ReserveExecutionsAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A reservation breaks one of these rules.</exception>
    public static void CheckClaim(Guid signalId, long observedFence, IReadOnlyList<ExecutionReservation> reservations)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        foreach (var r in reservations)
        {
            ArgumentNullException.ThrowIfNull(r);
            ArgumentNullException.ThrowIfNull(r.Position);
            ArgumentNullException.ThrowIfNull(r.Routing);
            ArgumentNullException.ThrowIfNull(r.Policy);
            if (r.Position.SignalId != signalId || r.Routing.SignalId != signalId || r.Policy.SignalId != signalId || r.Position.Fence != observedFence + 1
                || r.Routing.DeploymentId != r.Position.DeploymentId || r.Policy.DeploymentId != r.Position.DeploymentId)
            {
                throw new ArgumentException("every reservation must be for this signal and its own deployment under the claim's fence (observed fence + 1)", nameof(reservations));
            }

            if (r.Position.Status is not (PositionStatus.Reserved or PositionStatus.Submitted))
            {
                throw new ArgumentException("a reserved position is RESERVED or SUBMITTED", nameof(reservations));
            }

            if (r.PolicyStateVersion is not null)
            {
                throw new ArgumentException("a reservation checked against the deployment's positions is reserved under the claim with ReserveExecutionsAsync", nameof(reservations));
            }

            if (r.Position.Pnl is not null || r.Position.ExitPrice is not null || r.Position.CloseReason is not null || r.Position.VenueOrderId is not null
                || r.Position.SubmissionId is not null || r.Position.FailureReason is not null || r.Position.LeaseExpiresAt is not null || r.Position.ClosedAt is not null)
            {
                throw new ArgumentException("a reserved position carries no fill, close or lease fields", nameof(reservations));
            }
        }
    }
}

