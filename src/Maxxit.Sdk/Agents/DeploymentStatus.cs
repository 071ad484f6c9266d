namespace Maxxit.Sdk.Agents;

/// <summary>State of a deployment of an agent to a user wallet.</summary>
public enum DeploymentStatus
{
    /// <summary>Trades are executed for this user.</summary>
    Active = 0,

    /// <summary>No trades for this user until resumed.</summary>
    Paused = 1,
}
