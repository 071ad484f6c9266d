using Maxxit.Sdk.Policies;

namespace Maxxit.Sdk.Agents;

/// <summary>Input of the deploy-agent operation.</summary>
public sealed record DeployAgentRequest
{
    /// <summary>The agent to deploy. Required.</summary>
    public Guid? AgentId { get; init; }

    /// <summary>The user's wallet (0x + 40 hex digits). Required.</summary>
    public string? UserWallet { get; init; }

    /// <summary>Agent wallets per venue; keys may be given in plain text (encrypted here) or as encrypted triples.</summary>
    public IReadOnlyDictionary<Venue, AgentKeyInput>? AgentWallets { get; init; }

    /// <summary>The user's policy; null means pass-through.</summary>
    public DeploymentPolicy? Policy { get; init; }
}
