using System.Security.Cryptography;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Security;

/// <summary>AES-256-GCM under a 32-byte master key.</summary>
public sealed class AesGcmAgentKeyProtector : IAgentKeyProtector, IDisposable
{
    private const int IvSize = 12;
    private const int TagSize = 16;
    private readonly AesGcm _aes;

    /// <summary>Creates the protector.</summary>
    /// <param name="masterKey">Exactly 32 bytes.</param>
    public AesGcmAgentKeyProtector(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new MaxxitValidationException("master_key", "must be exactly 32 bytes (AES-256)");
        }

        _aes = new AesGcm(masterKey, TagSize);
    }

    /// <inheritdoc />
    public EncryptedSecret Protect(ReadOnlySpan<byte> privateKey)
    {
        Span<byte> iv = stackalloc byte[IvSize];
        Span<byte> tag = stackalloc byte[TagSize];
        RandomNumberGenerator.Fill(iv);
        var cipher = new byte[privateKey.Length];
        _aes.Encrypt(iv, privateKey, cipher, tag);
        return new EncryptedSecret(Convert.ToBase64String(cipher), Convert.ToBase64String(iv), Convert.ToBase64String(tag));
    }

    /// <inheritdoc />
    public SecretBytes Unprotect(EncryptedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var cipher = Decode(secret.Ciphertext, "key_encrypted", null);
        var iv = Decode(secret.Iv, "key_iv", IvSize);
        var tag = Decode(secret.Tag, "key_tag", TagSize);
        var plain = new byte[cipher.Length];
        try
        {
            _aes.Decrypt(iv, cipher, tag, plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new MaxxitValidationException("key_encrypted", "does not decrypt under this host's master key (wrong key, iv or tag)");
        }

        return new SecretBytes(plain);
    }

    /// <inheritdoc />
    public void Dispose() => _aes.Dispose();

    private static byte[] Decode(string value, string field, int? length)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value ?? string.Empty);
        }
        catch (FormatException)
        {
            throw new MaxxitValidationException(field, "is not valid base64");
        }

        if (bytes.Length == 0 || (length is { } n && bytes.Length != n))
        {
            throw new MaxxitValidationException(field, length is { } m ? $"must be {m} bytes" : "must not be empty");
        }

        return bytes;
    }
}
