using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Storage.InMemory;

/// <summary>Agent keys for master-key rotation.</summary>
public sealed partial class InMemoryMaxxitStore : IAgentKeyStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AgentDeployment>> ListDeploymentsWithKeysAsync(Guid? afterDeploymentId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            IReadOnlyList<AgentDeployment> page = _deployments.Values
                .Where(d => afterDeploymentId is not { } after || d.Id.CompareTo(after) > 0)
                .Where(d => d.AgentWallets.Values.Any(w => w.EncryptedKey is not null))
                .OrderBy(d => d.Id)
                .Take(limit)
                .ToList();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReplaceAgentKeyAsync(Guid deploymentId, Venue venue, EncryptedSecret expected, EncryptedSecret replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(replacement);
        lock (_lock)
        {
            if (!_deployments.TryGetValue(deploymentId, out var deployment)
                || !deployment.AgentWallets.TryGetValue(venue, out var wallet)
                || wallet.EncryptedKey is not { } stored
                || !stored.Equals(expected))
            {
                return Task.FromResult(false);
            }

            var wallets = new Dictionary<Venue, VenueAgentWallet>(deployment.AgentWallets) { [venue] = wallet with { EncryptedKey = replacement } };
            _deployments[deploymentId] = AgentKeyBinding.BindKeys(deployment with { AgentWallets = wallets });
            return Task.FromResult(true);
        }
    }
}
