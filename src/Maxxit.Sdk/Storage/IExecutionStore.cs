using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>
/// The writes of the executor and of fill confirmation. Each method is one transaction. Every change to a position
/// is conditional on its fencing token (<see cref="Position.Fence"/>): a method returns null (and writes nothing) when
/// the caller's token is no longer the current one, or when the position is not in a state the change may leave.
/// </summary>
public interface IExecutionStore
{
    /// <summary>
    /// Reserves a signal's orders in one round trip: for each reservation the position (RESERVED, or SUBMITTED when its order is sent at once), routing audit row
    /// and policy record together, unless a position for the same (signal, deployment) exists, the deployment's
    /// positions changed since the policy read them (<see cref="ExecutionReservation.PolicyStateVersion"/>), or the
    /// signal's claim is no longer the position's fence. Reservations of one deployment under a stateful policy are
    /// serialized, so concurrent signals cannot both pass a policy limit. One result per reservation, in order.
    /// </summary>
    Task<IReadOnlyList<ReservationResult>> ReserveExecutionsAsync(IReadOnlyList<ExecutionReservation> reservations, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a signal and its agent's ACTIVE deployments together (one round trip on a durable store), so that an
    /// executor can decide a never-claimed signal's fan-out before it claims it. Null when there is no such signal.
    /// </summary>
    Task<ExecutionSnapshot?> GetExecutionSnapshotAsync(Guid signalId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a signal that was never claimed (PENDING with fence <paramref name="observedFence"/>, as read) and writes
    /// <paramref name="reservations"/> in the same transaction (one round trip on a durable store): the signal becomes
    /// EXECUTING until now + <paramref name="lease"/> with fence <paramref name="observedFence"/> + 1, which must be every
    /// reservation's <see cref="Positions.Position.Fence"/>. Null, and nothing written, when the signal is no longer in
    /// that state (another executor claimed it first). Reservations must not depend on the deployment's other positions
    /// (<see cref="ExecutionReservation.PolicyStateVersion"/> null): those are reserved under the claim with
    /// <see cref="ReserveExecutionsAsync"/>, which serializes them.
    /// </summary>
    /// <exception cref="Errors.MaxxitNotFoundException">A reservation's deployment does not exist (nothing written).</exception>
    Task<SignalClaim?> ClaimSignalWithReservationsAsync(Guid signalId, long observedFence, DateTimeOffset now, TimeSpan lease, IReadOnlyList<ExecutionReservation> reservations, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcomes of several orders and, optionally, the signal's completion, in one transaction (one round
    /// trip on a durable store). Each outcome is fenced and applied as its single-order write would be; the completion is
    /// applied only when every outcome was and the signal's claim under <see cref="SignalCompletion.Fence"/> is still the
    /// current one (as <see cref="ISignalStore.CompleteSignalAsync"/>). A refused outcome writes nothing for its position.
    /// </summary>
    Task<OrderOutcomesResult> RecordOrderOutcomesAsync(IReadOnlyList<OrderOutcome> outcomes, SignalCompletion? completion, CancellationToken cancellationToken);

    /// <summary>
    /// Records a (signal, deployment) that gets no position: a policy rejection and/or a routing decision with no
    /// venue. A second routing row for the same (signal, deployment) is not written (exactly one audit row per decision).
    /// </summary>
    Task RecordNoTradeAsync(RoutingRecord? routing, PolicyRecord? policy, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a RESERVED or SUBMITTED position for sending by the executor that holds its signal's claim
    /// (<paramref name="signalFence"/>, <see cref="Signals.Signal.Fence"/>): it becomes SUBMITTED and its own fence is
    /// raised by one, so that whoever held it before (an executor whose claim lapsed, fill confirmation) is refused from
    /// then on, and its own lease is cleared (the signal's claim covers it). The caller writes every later change of the
    /// position under the returned position's <see cref="Position.Fence"/>, never under the signal's. Null (nothing
    /// written) when the signal is no longer EXECUTING under <paramref name="signalFence"/>, the position is in another
    /// state, or another host holds it under a lease that has not lapsed by <paramref name="now"/> (a host helping with
    /// the fan-out, <see cref="IFanOutWorkStore"/>; fill confirmation; an unknown outcome's backoff). A durable store
    /// judges the lease by its own clock.
    /// </summary>
    Task<Position?> BeginSubmitAsync(Guid positionId, long signalFence, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Fails a SUBMITTED position over to the next venue of its routing decision after a venue-side refusal: it becomes
    /// RESERVED on <paramref name="venue"/> (same client order id, new venue), and the (signal, deployment)'s audit row
    /// is rewritten from <paramref name="routing"/> (checked venues, refusals, the venue finally selected), in one transaction.
    /// </summary>
    Task<Position?> FailOverAsync(Guid positionId, long fence, Venue venue, RoutingRecord routing, CancellationToken cancellationToken);

    /// <summary>Records the submission id (e.g. a transaction hash) of a SUBMITTED position's order before it is sent.</summary>
    Task<Position?> RecordSubmissionAsync(Guid positionId, long fence, string submissionId, CancellationToken cancellationToken);

    /// <summary>Marks a SUBMITTED or PENDING_FILL position OPEN with its fill; releases the claim.</summary>
    Task<Position?> CompleteOpenAsync(Guid positionId, long fence, PositionFill fill, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a SUBMITTED position PENDING_FILL (the venue accepted the order and fills it later), or keeps a
    /// PENDING_FILL one waiting; the next fill check is due at <paramref name="checkAt"/>.
    /// </summary>
    Task<Position?> MarkPendingFillAsync(Guid positionId, long fence, string? venueOrderId, DateTimeOffset checkAt, CancellationToken cancellationToken);

    /// <summary>Ends a SUBMITTED or PENDING_FILL position: CANCELLED (the venue refused or cancelled) or FAILED, with the reason.</summary>
    Task<Position?> EndOpenAsync(Guid positionId, long fence, PositionStatus status, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one unknown outcome of a SUBMITTED, PENDING_FILL or CLOSING position's order and releases the claim until
    /// <paramref name="retryAt"/>; once <see cref="Position.Attempts"/> reaches <paramref name="maxAttempts"/> the
    /// position becomes NEEDS_RECONCILIATION with the reason instead.
    /// </summary>
    Task<Position?> RecordUnknownOutcomeAsync(Guid positionId, long fence, string reason, int maxAttempts, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> positions in <paramref name="status"/> whose claim has lapsed (or that were
    /// never claimed), oldest first, each with a new fence and a claim until now + <paramref name="lease"/>, skipping
    /// rows other hosts hold. <paramref name="status"/> is PENDING_FILL or SUBMITTED (orders whose
    /// executor died; a signal's own executor never races this, because its claim is renewed while it works).
    /// </summary>
    Task<IReadOnlyList<Position>> ClaimPositionsAsync(PositionStatus status, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Positions and recent trades of a deployment for the policy rules, in one query.</summary>
    /// <param name="deploymentId">The deployment.</param>
    /// <param name="tokenSymbol">The token for the per-token figures.</param>
    /// <param name="dayStart">Start of the current UTC day, for the daily trade count.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<PolicyState> GetPolicyStateAsync(Guid deploymentId, string tokenSymbol, DateTimeOffset dayStart, CancellationToken cancellationToken);

    /// <summary>The policy record of a (signal, deployment), or null.</summary>
    Task<PolicyRecord?> GetPolicyRecordAsync(Guid signalId, Guid deploymentId, CancellationToken cancellationToken);
}
