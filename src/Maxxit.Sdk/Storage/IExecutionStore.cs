using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>The writes of the executor. Each method is one transaction.</summary>
public interface IExecutionStore
{
    /// <summary>
    /// Writes the position (OPENING), routing audit row and policy record together, unless a position for the same
    /// (signal, deployment) exists: then writes nothing and returns the existing one. Safe under races between hosts.
    /// </summary>
    Task<ReservationResult> ReserveExecutionAsync(ExecutionReservation reservation, CancellationToken cancellationToken);

    /// <summary>Records a (signal, deployment) that gets no position: a policy rejection and/or a routing decision with no venue.</summary>
    Task RecordNoTradeAsync(RoutingRecord? routing, PolicyRecord? policy, CancellationToken cancellationToken);

    /// <summary>Records the submission id (e.g. a transaction hash) of an OPENING position's order before it is sent.</summary>
    Task RecordSubmissionAsync(Guid positionId, string submissionId, CancellationToken cancellationToken);

    /// <summary>Marks an OPENING position OPEN with its fill.</summary>
    Task<Position> CompleteOpenAsync(Guid positionId, PositionFill fill, CancellationToken cancellationToken);

    /// <summary>Marks an OPENING position FAILED with the reason.</summary>
    Task FailOpenAsync(Guid positionId, string reason, CancellationToken cancellationToken);

    /// <summary>Positions and recent trades of a deployment for the policy rules, in one query.</summary>
    /// <param name="deploymentId">The deployment.</param>
    /// <param name="tokenSymbol">The token for the per-token figures.</param>
    /// <param name="dayStart">Start of the current UTC day, for the daily trade count.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<PolicyState> GetPolicyStateAsync(Guid deploymentId, string tokenSymbol, DateTimeOffset dayStart, CancellationToken cancellationToken);

    /// <summary>The policy record of a (signal, deployment), or null.</summary>
    Task<PolicyRecord?> GetPolicyRecordAsync(Guid signalId, Guid deploymentId, CancellationToken cancellationToken);
}
