using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// The deployment's Hyperliquid agent wallet: its key is decrypted only in memory, only to sign, and the caller disposes
/// it (which zeroes it) as soon as the request is signed.
/// </summary>
internal sealed class HyperliquidAgentWallets(IAgentKeyProtector keys)
{
    public static VenueAgentWallet WalletOf(AgentDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (!deployment.AgentWallets.TryGetValue(Venue.Hyperliquid, out var wallet) || wallet.EncryptedKey is null)
        {
            throw new VenueException(
                Venue.Hyperliquid,
                $"Deployment {deployment.Id} has no Hyperliquid agent wallet key.",
                "Deploy with a Hyperliquid agent wallet that the user approved with approveAgent.");
        }

        return wallet;
    }

    /// <summary>The account the agent trades for: the deployment's user wallet, lowercase.</summary>
    public static string UserOf(AgentDeployment deployment)
    {
        try
        {
            return HyperliquidAddress.Normalize(deployment.UserWallet, "user_wallet");
        }
        catch (ArgumentException)
        {
            throw new MaxxitValidationException("user_wallet", "must be a 0x-prefixed 20-byte hex address");
        }
    }

    public EthereumKey Decrypt(VenueAgentWallet wallet)
    {
        EthereumKey key;
        using (var secret = keys.Unprotect(wallet.EncryptedKey!))
        {
            key = new EthereumKey(secret.Span);
        }

        if (!EthereumAddress.TryParse(wallet.Address, out var expected) || key.Address != expected)
        {
            var actual = key.Address;
            key.Dispose();
            throw new VenueException(
                Venue.Hyperliquid,
                $"The stored Hyperliquid agent key belongs to {actual}, not to the deployment's agent wallet {wallet.Address}.",
                "Re-deploy with the key of the approved agent wallet.");
        }

        return key;
    }
}
