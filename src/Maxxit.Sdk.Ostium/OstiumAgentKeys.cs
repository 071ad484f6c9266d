using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// A deployment's Ostium agent key, through the core's <see cref="AgentKeyResolver"/>; the plain bytes live only until
/// the key object is built, and the caller disposes the key right after signing.
/// </summary>
internal sealed class OstiumAgentKeys(IAgentKeyProtector keys)
{
    private readonly AgentKeyResolver _resolver = new(keys, EthereumKey.AddressOf);

    /// <summary>The deployment's Ostium agent wallet; decrypts nothing.</summary>
    /// <exception cref="AgentKeyException">It has none with a key.</exception>
    public static VenueAgentWallet WalletOf(AgentDeployment deployment) => AgentKeyResolver.WalletOf(deployment, Venue.Ostium);

    /// <summary>The signing key, checked against the recorded agent address.</summary>
    /// <exception cref="AgentKeyException">The key is missing or unusable.</exception>
    public EthereumKey KeyOf(AgentDeployment deployment)
    {
        using var secret = _resolver.Resolve(deployment, Venue.Ostium);
        return new EthereumKey(secret.Span);
    }

    // The core accepts wallets in any letter case, so a mixed-case address with a bad EIP-55 checksum is read as lower case.
    public static EthereumAddress ParseAddress(string? value, string field) =>
        (EthereumAddress.TryParse(value, out var address) || EthereumAddress.TryParse(value?.ToLowerInvariant(), out address)) && !address.IsZero
            ? address
            : throw new MaxxitValidationException(field, "must be 0x followed by 40 hex digits");
}
