using System.Text;
using Maxxit.Sdk.Agents;

namespace Maxxit.Sdk.Security;

/// <summary>
/// The owner an encrypted agent key is bound to: the user wallet it trades for, the venue and the agent wallet's
/// address. It is the AES-GCM associated data, so a ciphertext made for one (user, venue, agent) never decrypts for
/// another, and a triple copied onto someone else's deployment is refused.
/// </summary>
/// <param name="UserWallet">The deployment's user wallet (compared in lower case).</param>
/// <param name="Venue">The venue the agent wallet signs on.</param>
/// <param name="AgentAddress">The agent wallet's address (compared in lower case).</param>
public sealed record AgentKeyBinding(string UserWallet, Venue Venue, string AgentAddress)
{
    private const string Label = "maxxit/agent-key/v1";

    /// <summary>
    /// The deployment with each agent wallet's encrypted key bound to (user wallet, venue, agent address) taken from the
    /// deployment itself. Stores call it on every deployment they read, so the binding never comes from a caller.
    /// </summary>
    public static AgentDeployment BindKeys(AgentDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (deployment.AgentWallets.Values.All(w => w.EncryptedKey is null))
        {
            return deployment;
        }

        var wallets = new Dictionary<Venue, VenueAgentWallet>(deployment.AgentWallets.Count);
        foreach (var (venue, wallet) in deployment.AgentWallets)
        {
            wallets[venue] = wallet.EncryptedKey is { } secret
                ? wallet with { EncryptedKey = secret with { Binding = new AgentKeyBinding(deployment.UserWallet, venue, wallet.Address) } }
                : wallet;
        }

        return deployment with { AgentWallets = wallets };
    }

    /// <summary>The associated data for a ciphertext under <paramref name="keyId"/>.</summary>
    internal byte[] AssociatedData(string keyId) =>
        Encoding.UTF8.GetBytes($"{Label}\n{keyId}\n{UserWallet.Trim().ToLowerInvariant()}\n{Venue.Name}\n{AgentAddress.Trim().ToLowerInvariant()}");
}
