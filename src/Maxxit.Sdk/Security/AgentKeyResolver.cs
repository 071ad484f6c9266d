using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Security;

/// <summary>
/// The one place a venue adapter gets a deployment's agent key: finds the deployment's agent wallet for the venue,
/// decrypts its key with <see cref="IAgentKeyProtector"/> for the owner the store bound it to
/// (<see cref="AgentKeyBinding"/>: user wallet, venue, agent address) and checks that the key controls the recorded
/// address. The key comes back as <see cref="SecretBytes"/>, which the caller disposes (zeroing it) right after signing.
/// Thread-safe.
/// </summary>
public sealed class AgentKeyResolver
{
    private readonly IAgentKeyProtector _protector;
    private readonly AgentAddressOf _addressOf;

    /// <summary>Creates the resolver.</summary>
    /// <param name="protector">Decrypts the stored keys.</param>
    /// <param name="addressOf">The venue's address derivation (for EVM venues <c>EthereumKey.AddressOf</c>).</param>
    public AgentKeyResolver(IAgentKeyProtector protector, AgentAddressOf addressOf)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(addressOf);
        _protector = protector;
        _addressOf = addressOf;
    }

    /// <summary>The deployment's agent wallet for <paramref name="venue"/>, which must hold an encrypted key. Decrypts nothing.</summary>
    /// <exception cref="AgentKeyException">No such wallet, or it has no key (<see cref="AgentKeyFailure.Missing"/>).</exception>
    public static VenueAgentWallet WalletOf(AgentDeployment deployment, Venue venue)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (!deployment.AgentWallets.TryGetValue(venue, out var wallet) || wallet.EncryptedKey is null)
        {
            throw new AgentKeyException(
                venue,
                AgentKeyFailure.Missing,
                $"deployment {deployment.Id} has no {venue.Name} agent wallet with a key",
                $"deploy again with the {venue.Name} agent wallet's address and key");
        }

        return wallet;
    }

    /// <summary>
    /// The deployment's agent key for <paramref name="venue"/>, decrypted and checked against the recorded address. The
    /// caller disposes it as soon as it has signed.
    /// </summary>
    /// <exception cref="AgentKeyException">The key is missing, does not decrypt for this owner, is not a valid key, or controls another address.</exception>
    public SecretBytes Resolve(AgentDeployment deployment, Venue venue)
    {
        var wallet = WalletOf(deployment, venue);
        SecretBytes secret;
        try
        {
            // The store bound the ciphertext to this deployment's (user, venue, agent) when it read the row; the binding
            // is enforced by the AES-GCM associated data, so a triple copied from another row fails here.
            secret = _protector.Unprotect(wallet.EncryptedKey!);
        }
        catch (MaxxitValidationException ex)
        {
            throw new AgentKeyException(
                venue,
                AgentKeyFailure.Undecryptable,
                $"the {venue.Name} agent key of deployment {deployment.Id} does not decrypt for its user wallet, venue and agent address",
                "deploy again with a key encrypted for this owner, or configure the master key it was made under",
                ex);
        }

        try
        {
            var actual = _addressOf(secret.Span);
            if (actual is null)
            {
                throw new AgentKeyException(
                    venue,
                    AgentKeyFailure.InvalidKey,
                    $"the decrypted {venue.Name} agent key of deployment {deployment.Id} is not a valid private key",
                    "deploy again with the agent wallet's own key");
            }

            if (!SameAddress(actual, wallet.Address))
            {
                throw new AgentKeyException(
                    venue,
                    AgentKeyFailure.AddressMismatch,
                    $"the decrypted {venue.Name} agent key controls {actual}, not the recorded address {wallet.Address}",
                    "deploy again with the key of the approved agent wallet");
            }

            return secret;
        }
        catch
        {
            secret.Dispose();
            throw;
        }
    }

    private static bool SameAddress(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
