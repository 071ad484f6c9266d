namespace Maxxit.Sdk.Workers;

/// <summary>What one worker cycle did.</summary>
/// <param name="StartedAt">When it started (worker's clock).</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Agents">Per ACTIVE agent, in the order processed.</param>
/// <param name="Error">Why the whole cycle failed (e.g. agents could not be listed), or null.</param>
public sealed record WorkerCycleResult(DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<AgentCycleResult> Agents, string? Error)
{
    /// <summary>All signals stored in this cycle.</summary>
    public IEnumerable<Guid> SignalIds => Agents.SelectMany(a => a.SignalIds);
}
