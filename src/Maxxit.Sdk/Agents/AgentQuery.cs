namespace Maxxit.Sdk.Agents;

/// <summary>Filters of the list-agents operation; null means no filter.</summary>
/// <param name="CreatorWallet">Only agents created by this wallet (case-insensitive).</param>
/// <param name="Status">Only agents in this state.</param>
public sealed record AgentQuery(string? CreatorWallet = null, AgentStatus? Status = null);
