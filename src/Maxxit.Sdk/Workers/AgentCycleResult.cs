namespace Maxxit.Sdk.Workers;

/// <summary>What one cycle did for one agent.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="PostsRead">New X posts read.</param>
/// <param name="ResearchRead">New research calls read.</param>
/// <param name="SignalIds">Signals stored (in the order generated).</param>
/// <param name="Executed">Signals whose execution finished in this cycle.</param>
/// <param name="Error">Why the agent's cycle failed (its cursor did not move), or null.</param>
public sealed record AgentCycleResult(Guid AgentId, int PostsRead, int ResearchRead, IReadOnlyList<Guid> SignalIds, int Executed, string? Error);
