using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Agents;

/// <summary>An agent deployed to one user wallet (<c>agent_deployments_v3</c>); one per (agent, user wallet).</summary>
public sealed record AgentDeployment
{
    /// <summary>Deployment id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The deployed agent.</summary>
    public required Guid AgentId { get; init; }

    /// <summary>The user's wallet: the account that trades on every venue.</summary>
    public required string UserWallet { get; init; }

    /// <summary>Whether trades run for this user.</summary>
    public DeploymentStatus Status { get; init; } = DeploymentStatus.Active;

    /// <summary>Whether the user's subscription is active.</summary>
    public bool SubActive { get; init; } = true;

    /// <summary>Per-venue agent wallets (address plus encrypted key) that sign for the user.</summary>
    public IReadOnlyDictionary<Venue, VenueAgentWallet> AgentWallets { get; init; } = new Dictionary<Venue, VenueAgentWallet>();

    /// <summary>The user's policy (Agent How); null means pass-through.</summary>
    public DeploymentPolicy? Policy { get; init; }

    /// <summary>Creation time (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
