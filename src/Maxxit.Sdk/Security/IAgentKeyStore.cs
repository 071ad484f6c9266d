using Maxxit.Sdk.Agents;

namespace Maxxit.Sdk.Security;

/// <summary>
/// The store side of master-key rotation: walk the deployments that hold encrypted agent keys and swap one key for its
/// re-encrypted form. The in-memory and Postgres stores implement it; <see cref="AgentKeyRotator"/> drives it.
/// </summary>
public interface IAgentKeyStore
{
    /// <summary>
    /// Up to <paramref name="limit"/> deployments holding at least one encrypted agent key, in the store's id order,
    /// starting after <paramref name="afterDeploymentId"/> (null: from the start). Keys come back bound to their owner.
    /// </summary>
    Task<IReadOnlyList<AgentDeployment>> ListDeploymentsWithKeysAsync(Guid? afterDeploymentId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the encrypted key of the deployment's agent wallet on <paramref name="venue"/> with
    /// <paramref name="replacement"/>, only if it still is <paramref name="expected"/> (same ciphertext, iv, tag and key
    /// id); false when it changed meanwhile or is gone. The address is kept.
    /// </summary>
    Task<bool> ReplaceAgentKeyAsync(Guid deploymentId, Venue venue, EncryptedSecret expected, EncryptedSecret replacement, CancellationToken cancellationToken);
}
