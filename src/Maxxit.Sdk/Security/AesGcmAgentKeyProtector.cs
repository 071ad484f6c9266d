using System.Security.Cryptography;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Security;

/// <summary>
/// AES-256-GCM under 32-byte master keys: one current key encrypts, older keys still decrypt (for rotation). Each
/// operation uses its own <see cref="AesGcm"/> instance, so the protector is safe to share between threads.
/// </summary>
public sealed class AesGcmAgentKeyProtector : IAgentKeyProtector, IDisposable
{
    /// <summary>The one message of every decryption failure, whatever the cause, so that it never tells whether a triple decrypts.</summary>
    internal const string NotValidReason = "is not a valid encrypted agent key for this user wallet, venue and agent address";

    private const int IvSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _current;
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    /// <summary>Creates a protector with one master key.</summary>
    /// <param name="masterKey">Exactly 32 bytes.</param>
    public AesGcmAgentKeyProtector(ReadOnlySpan<byte> masterKey)
        : this(masterKey, [])
    {
    }

    /// <summary>Creates a protector that encrypts under <paramref name="currentKey"/> and also decrypts under <paramref name="previousKeys"/>.</summary>
    /// <param name="currentKey">Exactly 32 bytes.</param>
    /// <param name="previousKeys">Older master keys (32 bytes each), for decryption only.</param>
    public AesGcmAgentKeyProtector(ReadOnlySpan<byte> currentKey, IEnumerable<byte[]> previousKeys)
    {
        ArgumentNullException.ThrowIfNull(previousKeys);
        _current = Check(currentKey, "master_key");
        CurrentKeyId = KeyIdOf(_current);
        _byId[CurrentKeyId] = _current;
        foreach (var previous in previousKeys)
        {
            var key = Check(previous, "previous_master_keys");
            _byId.TryAdd(KeyIdOf(key), key);
        }
    }

    /// <inheritdoc />
    public string CurrentKeyId { get; }

    /// <summary>
    /// The id of a master key: the first 8 bytes of HMAC-SHA256(key, label), hex. It names the key without revealing it,
    /// and needs no configuration of its own.
    /// </summary>
    public static string KeyIdOf(ReadOnlySpan<byte> masterKey)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(masterKey, "maxxit/master-key-id/v1"u8, mac);
        return Convert.ToHexStringLower(mac[..8]);
    }

    /// <inheritdoc />
    public EncryptedSecret Protect(ReadOnlySpan<byte> privateKey, AgentKeyBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        Span<byte> iv = stackalloc byte[IvSize];
        Span<byte> tag = stackalloc byte[TagSize];
        RandomNumberGenerator.Fill(iv);
        var cipher = new byte[privateKey.Length];
        using (var aes = new AesGcm(_current, TagSize))
        {
            aes.Encrypt(iv, privateKey, cipher, tag, binding.AssociatedData(CurrentKeyId));
        }

        return new EncryptedSecret(Convert.ToBase64String(cipher), Convert.ToBase64String(iv), Convert.ToBase64String(tag))
        {
            KeyId = CurrentKeyId,
            Binding = binding,
        };
    }

    /// <inheritdoc />
    public SecretBytes Unprotect(EncryptedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Binding is { } binding)
        {
            return Unprotect(secret, binding);
        }

        if (!secret.IsLegacy)
        {
            throw new MaxxitValidationException("EncryptedSecret.Binding", "carries no owner binding: read it through the store, or pass the binding");
        }

        return Decrypt(secret, null);
    }

    /// <inheritdoc />
    public SecretBytes Unprotect(EncryptedSecret secret, AgentKeyBinding binding)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(binding);
        return Decrypt(secret, binding);
    }

    /// <summary>Zeroes the master keys held.</summary>
    public void Dispose()
    {
        foreach (var key in _byId.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private SecretBytes Decrypt(EncryptedSecret secret, AgentKeyBinding? binding)
    {
        var cipher = Decode(secret.Ciphertext, "EncryptedSecret.Ciphertext", null);
        var iv = Decode(secret.Iv, "EncryptedSecret.Iv", IvSize);
        var tag = Decode(secret.Tag, "EncryptedSecret.Tag", TagSize);
        var plain = new byte[cipher.Length];
        if (secret.KeyId is { } keyId)
        {
            // Bound secrets: the key id picks the master key, the binding is the associated data.
            if (binding is not null && _byId.TryGetValue(keyId, out var key) && TryDecrypt(key, iv, cipher, tag, plain, binding.AssociatedData(keyId)))
            {
                return new SecretBytes(plain);
            }
        }
        else
        {
            // Legacy secrets carry neither key id nor associated data: any configured master key may have made them.
            foreach (var key in _byId.Values)
            {
                if (TryDecrypt(key, iv, cipher, tag, plain, null))
                {
                    return new SecretBytes(plain);
                }
            }
        }

        CryptographicOperations.ZeroMemory(plain);
        throw new MaxxitValidationException("EncryptedSecret.Ciphertext", NotValidReason);
    }

    private static bool TryDecrypt(byte[] key, byte[] iv, byte[] cipher, byte[] tag, byte[] plain, byte[]? associatedData)
    {
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(iv, cipher, tag, plain, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static byte[] Check(ReadOnlySpan<byte> key, string field) =>
        key.Length == 32 ? key.ToArray() : throw new MaxxitValidationException(field, "must be exactly 32 bytes (AES-256)");

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
