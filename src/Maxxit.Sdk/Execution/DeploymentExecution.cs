using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;

namespace Maxxit.Sdk.Execution;

/// <summary>The execution of a signal for one deployment.</summary>
/// <param name="DeploymentId">The deployment.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Policy">The policy's decision, when evaluated in this run.</param>
/// <param name="Routing">The routing decision, when routed in this run.</param>
/// <param name="Position">The position, when there is one.</param>
/// <param name="Reason">Why there is no position, or the venue's error.</param>
public sealed record DeploymentExecution(
    Guid DeploymentId,
    DeploymentOutcome Outcome,
    PolicyDecision? Policy,
    RoutingDecision? Routing,
    Position? Position,
    string? Reason)
{
    /// <summary>The signal's owner found the position held by another host (or moved on); its wait resolves it before anything is reported.</summary>
    internal bool HeldElsewhere { get; init; }
}
