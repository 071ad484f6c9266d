using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Ostium;

/// <summary>Finds and decrypts a deployment's Ostium agent key; the plain bytes live only until the key object is built.</summary>
internal static class OstiumAgentKeys
{
    public static VenueAgentWallet AgentWallet(AgentDeployment deployment) =>
        deployment.AgentWallets.TryGetValue(Venue.Ostium, out var wallet) && wallet.EncryptedKey is not null
            ? wallet
            : throw new MaxxitValidationException("agent_wallets.OSTIUM", "the deployment has no Ostium agent wallet with a key");

    /// <summary>The signing key; the caller disposes it right after signing.</summary>
    public static EthereumKey Decrypt(IAgentKeyProtector keys, VenueAgentWallet wallet)
    {
        EthereumKey key;
        using (var secret = keys.Unprotect(wallet.EncryptedKey!))
        {
            try
            {
                key = new EthereumKey(secret.Span);
            }
            catch (EthereumFormatException)
            {
                throw new MaxxitValidationException("agent_wallets.OSTIUM", "the decrypted key is not a valid secp256k1 private key");
            }
        }

        if (key.Address != ParseAddress(wallet.Address, "agent_wallets.OSTIUM.address"))
        {
            var address = key.Address;
            key.Dispose();
            throw new MaxxitValidationException("agent_wallets.OSTIUM", $"the key controls {address}, not the recorded address {wallet.Address}");
        }

        return key;
    }

    // The core accepts wallets in any letter case, so a mixed-case address with a bad EIP-55 checksum is read as lower case.
    public static EthereumAddress ParseAddress(string? value, string field) =>
        (EthereumAddress.TryParse(value, out var address) || EthereumAddress.TryParse(value?.ToLowerInvariant(), out address)) && !address.IsZero
            ? address
            : throw new MaxxitValidationException(field, "must be 0x followed by 40 hex digits");
}
