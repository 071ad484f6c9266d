using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// The deployment's Hyperliquid agent wallet, through the core's <see cref="AgentKeyResolver"/>: its key is decrypted
/// only in memory, only to sign, and the caller disposes it (which zeroes it) as soon as the request is signed.
/// </summary>
internal sealed class HyperliquidAgentWallets(IAgentKeyProtector keys)
{
    private readonly AgentKeyResolver _resolver = new(keys, EthereumKey.AddressOf);

    /// <summary>The deployment's Hyperliquid agent wallet; decrypts nothing.</summary>
    /// <exception cref="AgentKeyException">It has none with a key.</exception>
    public static VenueAgentWallet WalletOf(AgentDeployment deployment) => AgentKeyResolver.WalletOf(deployment, Venue.Hyperliquid);

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

    /// <summary>The signing key, checked against the recorded agent address.</summary>
    /// <exception cref="AgentKeyException">The key is missing or unusable.</exception>
    public EthereumKey Decrypt(AgentDeployment deployment)
    {
        using var secret = _resolver.Resolve(deployment, Venue.Hyperliquid);
        return new EthereumKey(secret.Span);
    }
}
