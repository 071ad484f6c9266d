namespace Maxxit.Sdk.Agents;

/// <summary>How much the agent trusts each input when scoring a token. Each weight is in [0, 1] and they are not both zero.</summary>
/// <param name="X">Weight of X (Twitter) posts.</param>
/// <param name="Research">Weight of research-institute signals.</param>
public sealed record AgentWeights(decimal X, decimal Research);
