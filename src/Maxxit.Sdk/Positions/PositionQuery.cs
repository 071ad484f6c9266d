namespace Maxxit.Sdk.Positions;

/// <summary>Filters for listing positions; null means no filter.</summary>
/// <param name="Status">Only positions in this state.</param>
/// <param name="DeploymentId">Only this deployment's.</param>
/// <param name="AgentId">Only positions of this agent's deployments.</param>
/// <param name="SignalId">Only this signal's.</param>
/// <param name="Limit">At most this many, newest first (1–10 000).</param>
public sealed record PositionQuery(PositionStatus? Status = null, Guid? DeploymentId = null, Guid? AgentId = null, Guid? SignalId = null, int Limit = 1000);
