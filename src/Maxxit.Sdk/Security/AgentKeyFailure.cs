namespace Maxxit.Sdk.Security;

/// <summary>Why <see cref="AgentKeyResolver"/> could not give a venue an agent key.</summary>
public enum AgentKeyFailure
{
    /// <summary>The deployment has no agent wallet with an encrypted key for the venue.</summary>
    Missing,

    /// <summary>
    /// The encrypted key does not decrypt for this deployment's (user wallet, venue, agent address) under the configured
    /// master keys: another owner's triple, a master key that is gone, or tampering.
    /// </summary>
    Undecryptable,

    /// <summary>The decrypted bytes are not a valid private key for the venue.</summary>
    InvalidKey,

    /// <summary>The key controls another address than the agent wallet's recorded one.</summary>
    AddressMismatch,
}
