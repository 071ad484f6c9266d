namespace Maxxit.Sdk.Storage;

/// <summary>How far a worker has read each of an agent's sources, e.g. <c>x:12345 → last post id</c>.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Positions">Source key → last item id consumed.</param>
public sealed record SourceCursor(Guid AgentId, IReadOnlyDictionary<string, string> Positions)
{
    /// <summary>An empty cursor for the agent.</summary>
    public static SourceCursor Empty(Guid agentId) => new(agentId, new Dictionary<string, string>());
}
