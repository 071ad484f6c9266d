using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Execution;

/// <summary>The outcome of executing one signal across the agent's deployments.</summary>
/// <param name="SignalId">The signal.</param>
/// <param name="Status">The signal's status afterwards.</param>
/// <param name="FinalVenue">The venue chosen for the first routed deployment.</param>
/// <param name="Reason">Why it was skipped or failed.</param>
/// <param name="Deployments">Per-deployment outcomes of this run (for an already finished signal: its positions).</param>
/// <param name="AlreadyProcessed">True when the signal was finished or being executed elsewhere before this call.</param>
public sealed record ExecutionResult(
    Guid SignalId,
    SignalStatus Status,
    Venue? FinalVenue,
    string? Reason,
    IReadOnlyList<DeploymentExecution> Deployments,
    bool AlreadyProcessed)
{
    /// <summary>The positions of this signal known to this result.</summary>
    public IEnumerable<Position> Positions => Deployments.Where(d => d.Position is not null).Select(d => d.Position!);
}
