using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace Maxxit.Sdk.Ethereum.Signing;

/// <summary>
/// A secp256k1 private key that signs Ethereum hashes. The key bytes never appear in
/// <see cref="ToString"/>, exception messages or serialized output; <see cref="Dispose"/> zeroes them.
/// </summary>
/// <remarks>
/// Signing runs on <c>NBitcoin.Secp256k1</c>, a C# port of libsecp256k1 with constant-time scalar
/// multiplication and nonce inversion. It is deterministic (RFC 6979, HMAC-SHA256) and always yields a low-s
/// signature, so the same key and hash give the same bytes as other Ethereum libraries. Instances are safe to
/// share between threads for signing; do not dispose while another thread signs.
/// </remarks>
public sealed class EthereumKey : IDisposable
{
    /// <summary>Length of a private key in bytes.</summary>
    public const int PrivateKeyLength = 32;

    // Pinned so the GC never leaves stale copies of the secret behind when compacting.
    private readonly byte[] _privateKey = GC.AllocateArray<byte>(PrivateKeyLength, pinned: true);
    private readonly byte[] _publicKey;
    private volatile bool _disposed;

    /// <summary>Creates a key from its 32 big-endian bytes.</summary>
    /// <param name="privateKey">32 bytes, a scalar in [1, n-1]. The caller keeps ownership and may zero it afterwards.</param>
    /// <exception cref="EthereumFormatException">The bytes are not a valid secp256k1 private key.</exception>
    public EthereumKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            throw new EthereumFormatException(
                $"A private key is {PrivateKeyLength} bytes but {privateKey.Length} were given.", nameof(privateKey));
        }

        if (!Secp256k1Scalar.IsInRange(privateKey))
        {
            throw new EthereumFormatException("A private key must be in [1, n-1] for the secp256k1 order n.", nameof(privateKey));
        }

        privateKey.CopyTo(_privateKey);
        _publicKey = new byte[64];
        using (var secret = CreateLibraryKey())
        {
            Span<byte> uncompressed = stackalloc byte[65];
            secret.CreatePubKey().WriteToSpan(compressed: false, uncompressed, out _);
            uncompressed[1..].CopyTo(_publicKey);
        }

        Address = EthereumAddress.FromPublicKey(_publicKey);
    }

    /// <summary>The address that this key controls.</summary>
    public EthereumAddress Address { get; }

    /// <summary>
    /// The address (EIP-55 text) that a private key controls, or null when the bytes are not a valid secp256k1 private
    /// key. Nothing of the key is kept; it fits the core's <c>AgentAddressOf</c> delegate.
    /// </summary>
    /// <param name="privateKey">The key's 32 big-endian bytes.</param>
    public static string? AddressOf(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength || !Secp256k1Scalar.IsInRange(privateKey))
        {
            return null;
        }

        using var key = new EthereumKey(privateKey);
        return key.Address.ToString();
    }

    /// <summary>The uncompressed public key without the <c>0x04</c> prefix: X ‖ Y, 64 bytes.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Parses a key from 64 hex digits, optionally prefixed with <c>0x</c>.</summary>
    /// <param name="privateKeyHex">The key as hex.</param>
    /// <returns>The key.</returns>
    /// <exception cref="EthereumFormatException">The text is not a valid key (the message never echoes it).</exception>
    public static EthereumKey FromHex(string privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        var digits = Hex.StripPrefix(privateKeyHex.AsSpan());
        if (digits.Length != PrivateKeyLength * 2)
        {
            throw new EthereumFormatException(
                $"A private key is {PrivateKeyLength * 2} hex digits but {digits.Length} were given.", nameof(privateKeyHex));
        }

        Span<byte> bytes = stackalloc byte[PrivateKeyLength];
        try
        {
            if (Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
            {
                throw new EthereumFormatException("A private key must contain only hex digits.", nameof(privateKeyHex));
            }

            return new EthereumKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Generates a new random key from the operating system's cryptographic random source.</summary>
    /// <returns>A fresh key.</returns>
    public static EthereumKey Generate()
    {
        Span<byte> bytes = stackalloc byte[PrivateKeyLength];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                if (Secp256k1Scalar.IsInRange(bytes))
                {
                    return new EthereumKey(bytes);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Signs a 32-byte hash (RFC 6979 deterministic k, low-s normalised).</summary>
    /// <param name="hash">Exactly 32 bytes, usually a keccak-256 digest.</param>
    /// <returns>The recoverable signature.</returns>
    /// <exception cref="EthereumFormatException"><paramref name="hash"/> is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public EcdsaSignature Sign(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new EthereumFormatException($"Only a 32-byte hash can be signed but {hash.Length} bytes were given.", nameof(hash));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        // RFC 6979 feeds bits2octets(hash) = hash mod n to the nonce generator; this port passes the hash as
        // given. Reducing first keeps the nonces those of RFC 6979 (and of our earlier signer) for the ~2^-128
        // of hashes at or above n; the signed value is the same either way.
        Span<byte> message = stackalloc byte[32];
        Secp256k1Scalar.ReduceModOrder(hash, message);

        using var secret = CreateLibraryKey();
        if (!secret.TrySignRecoverable(message, out var signature) || signature is null)
        {
            // Only a nonce generator that gives up can get here; RFC 6979 retries until it succeeds.
            throw new CryptographicException("secp256k1 signing failed.");
        }

        // The library normalises s to the low half and flips the recovery id with it. Ids 2 and 3 (R.x >= n)
        // are cryptographically unreachable and the library refuses them, so v always fits 27/28.
        Span<byte> rs = stackalloc byte[64];
        signature.WriteToSpanCompact(rs, out var recoveryId);
        return new EcdsaSignature(rs[..32], rs[32..], recoveryId);
    }

    /// <summary>
    /// Copies the raw private key into <paramref name="destination"/>, e.g. to encrypt it at rest.
    /// The caller must zero the copy when done.
    /// </summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public void CopyPrivateKeyTo(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.Length < PrivateKeyLength)
        {
            throw new ArgumentException($"Destination must hold at least {PrivateKeyLength} bytes.", nameof(destination));
        }

        _privateKey.CopyTo(destination);
    }

    // A short-lived library key per operation, cleared by its Dispose, so that the only long-lived copy of the
    // secret is our pinned buffer (a managed object holding it for the key's lifetime could be copied by GC
    // compaction and leave stale images behind).
    private ECPrivKey CreateLibraryKey()
    {
        if (!ECPrivKey.TryCreate(_privateKey, Context.Instance, out var key))
        {
            // The range was checked when the key was created; only a disposed (zeroed) key can fail here.
            throw new ObjectDisposedException(nameof(EthereumKey));
        }

        return key;
    }

    /// <summary>Shows the address only; the private key is always redacted.</summary>
    /// <returns>A safe description of the key.</returns>
    public override string ToString() => $"EthereumKey({Address}, private key redacted)";

    /// <summary>Zeroes the private key bytes; later calls to <see cref="Sign"/> throw.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_privateKey);
    }
}
