namespace Maxxit.Sdk.Security;

/// <summary>Encrypts agent private keys at rest and decrypts them only in memory, only for signing.</summary>
public interface IAgentKeyProtector
{
    /// <summary>Encrypts a private key.</summary>
    /// <param name="privateKey">The raw key bytes; the caller should zero them afterwards.</param>
    EncryptedSecret Protect(ReadOnlySpan<byte> privateKey);

    /// <summary>Decrypts a key into a buffer the caller must dispose (disposal zeroes it).</summary>
    /// <exception cref="Errors.MaxxitValidationException">The triple is malformed or does not decrypt under the master key.</exception>
    SecretBytes Unprotect(EncryptedSecret secret);
}
