using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Security;

/// <summary>
/// Re-encrypts every stored agent key under the current master key: configure the new key as <c>MasterKey</c> and the
/// old one in <c>PreviousMasterKeys</c>, run <see cref="RotateAsync"/> until <see cref="AgentKeyRotationResult.Complete"/>,
/// then drop the old key. Keys still decrypt under either master key while it runs, so trading need not stop.
/// </summary>
public sealed class AgentKeyRotator
{
    private const int PageSize = 100;
    private readonly IMaxxitStore _store;
    private readonly IAgentKeyProtector _keys;
    private readonly ILogger<AgentKeyRotator> _logger;

    /// <summary>Creates the rotator.</summary>
    public AgentKeyRotator(IMaxxitStore store, IAgentKeyProtector keys, ILogger<AgentKeyRotator> logger)
    {
        _store = store;
        _keys = keys;
        _logger = logger;
    }

    /// <summary>One pass over every stored agent key; safe to run again (keys already current are left alone).</summary>
    /// <exception cref="MaxxitConfigurationException">The store does not implement <see cref="IAgentKeyStore"/>.</exception>
    public async Task<AgentKeyRotationResult> RotateAsync(CancellationToken cancellationToken = default)
    {
        var store = _store as IAgentKeyStore
            ?? throw new MaxxitConfigurationException($"The store ({_store.GetType().Name}) does not implement {nameof(IAgentKeyStore)}, so its agent keys cannot be rotated");
        int rotated = 0, current = 0, undecryptable = 0, changed = 0;
        Guid? after = null;
        while (true)
        {
            var page = await store.ListDeploymentsWithKeysAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var deployment in page)
            {
                foreach (var (venue, wallet) in deployment.AgentWallets)
                {
                    if (wallet.EncryptedKey is not { } secret)
                    {
                        continue;
                    }

                    if (secret.KeyId == _keys.CurrentKeyId)
                    {
                        current++;
                        continue;
                    }

                    var binding = new AgentKeyBinding(deployment.UserWallet, venue, wallet.Address);
                    EncryptedSecret fresh;
                    try
                    {
                        using var plain = _keys.Unprotect(secret, binding);
                        fresh = _keys.Protect(plain.Span, binding);
                    }
                    catch (MaxxitValidationException)
                    {
                        undecryptable++;
                        _logger.LogWarning("Agent key of deployment {DeploymentId} on {Venue} decrypts under no configured master key; left unchanged", deployment.Id, venue.Name);
                        continue;
                    }

                    if (await store.ReplaceAgentKeyAsync(deployment.Id, venue, secret, fresh, cancellationToken).ConfigureAwait(false))
                    {
                        rotated++;
                    }
                    else
                    {
                        changed++;
                    }
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        _logger.LogInformation("Agent key rotation to master key {KeyId}: {Rotated} re-encrypted, {Current} already current, {Undecryptable} undecryptable, {Changed} changed meanwhile", _keys.CurrentKeyId, rotated, current, undecryptable, changed);
        return new AgentKeyRotationResult(rotated, current, undecryptable, changed);
    }
}
