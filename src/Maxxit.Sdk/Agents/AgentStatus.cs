namespace Maxxit.Sdk.Agents;

/// <summary>Lifecycle state of an agent.</summary>
public enum AgentStatus
{
    /// <summary>Created but not trading.</summary>
    Draft = 0,

    /// <summary>Generating and executing signals.</summary>
    Active = 1,

    /// <summary>Temporarily not trading.</summary>
    Paused = 2,
}
