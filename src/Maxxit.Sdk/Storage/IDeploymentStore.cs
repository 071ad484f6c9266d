using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Policies;

namespace Maxxit.Sdk.Storage;

/// <summary>Deployments (<c>agent_deployments_v3</c>).</summary>
public interface IDeploymentStore
{
    /// <summary>Stores a new deployment.</summary>
    /// <exception cref="Errors.MaxxitConflictException">The agent is already deployed to this wallet (field <c>user_wallet</c>).</exception>
    /// <exception cref="Errors.MaxxitNotFoundException">The agent does not exist.</exception>
    Task CreateDeploymentAsync(AgentDeployment deployment, CancellationToken cancellationToken);

    /// <summary>The deployment, or null.</summary>
    Task<AgentDeployment?> GetDeploymentAsync(Guid deploymentId, CancellationToken cancellationToken);

    /// <summary>An agent's deployments, oldest first; only those in <paramref name="status"/> when given.</summary>
    Task<IReadOnlyList<AgentDeployment>> ListDeploymentsAsync(Guid agentId, DeploymentStatus? status, CancellationToken cancellationToken);

    /// <summary>Every deployment of every agent, oldest first, in one query (for reconciliation).</summary>
    Task<IReadOnlyList<AgentDeployment>> ListAllDeploymentsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a deployment's policy (null: pass-through).</summary>
    /// <exception cref="Errors.MaxxitNotFoundException">No such deployment.</exception>
    Task UpdateDeploymentPolicyAsync(Guid deploymentId, DeploymentPolicy? policy, CancellationToken cancellationToken);
}
