namespace Maxxit.Sdk.Security;

/// <summary>
/// Encrypts agent private keys at rest, bound to their owner (<see cref="AgentKeyBinding"/>), and decrypts them only in
/// memory, only for signing. Implementations are safe to call from many threads at once.
/// </summary>
public interface IAgentKeyProtector
{
    /// <summary>The id of the master key new secrets are encrypted under.</summary>
    string CurrentKeyId { get; }

    /// <summary>Encrypts a private key under the current master key, bound to <paramref name="binding"/>.</summary>
    /// <param name="privateKey">The raw key bytes; the caller should zero them afterwards.</param>
    /// <param name="binding">The owner; the result carries it in <see cref="EncryptedSecret.Binding"/>.</param>
    EncryptedSecret Protect(ReadOnlySpan<byte> privateKey, AgentKeyBinding binding);

    /// <summary>
    /// Decrypts a key for <paramref name="binding"/> into a buffer the caller must dispose (disposal zeroes it). Legacy
    /// secrets (no key id) decrypt without associated data. Every decryption failure (unknown key id, wrong master key,
    /// another owner, tampering) raises the same error, so the error never tells whether a triple decrypts.
    /// </summary>
    /// <exception cref="Errors.MaxxitValidationException">The triple is malformed or is not a valid key for this owner.</exception>
    SecretBytes Unprotect(EncryptedSecret secret, AgentKeyBinding binding);

    /// <summary>Decrypts a key for the owner in its <see cref="EncryptedSecret.Binding"/> (as read from the store).</summary>
    /// <exception cref="Errors.MaxxitValidationException">As for the other overload, or a bound secret carries no binding.</exception>
    SecretBytes Unprotect(EncryptedSecret secret);
}
