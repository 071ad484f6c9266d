namespace Maxxit.Sdk.Security;

/// <summary>A secret encrypted with AES-256-GCM: ciphertext, 12-byte IV and 16-byte tag, each base64. Printing it never shows the bytes.</summary>
/// <param name="Ciphertext">The encrypted bytes, base64.</param>
/// <param name="Iv">The 12-byte nonce, base64.</param>
/// <param name="Tag">The 16-byte authentication tag, base64.</param>
public sealed record EncryptedSecret(string Ciphertext, string Iv, string Tag)
{
    /// <inheritdoc />
    public override string ToString() => "EncryptedSecret { *** }";
}
