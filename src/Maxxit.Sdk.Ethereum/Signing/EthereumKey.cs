using System.Security.Cryptography;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;

namespace Maxxit.Sdk.Ethereum.Signing;

/// <summary>
/// A secp256k1 private key that signs Ethereum hashes. The key bytes never appear in
/// <see cref="ToString"/>, exception messages or serialized output; <see cref="Dispose"/> zeroes them.
/// </summary>
/// <remarks>
/// Signing is deterministic (RFC 6979, HMAC-SHA256) and always yields a low-s signature, so the same
/// key and hash give the same bytes as other Ethereum libraries. Instances are safe to share between
/// threads for signing; do not dispose while another thread signs.
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

        var d = Secp256k1Curve.ToBigInteger(privateKey);
        if (d.SignValue == 0 || d.CompareTo(Secp256k1Curve.N) >= 0)
        {
            throw new EthereumFormatException("A private key must be in [1, n-1] for the secp256k1 order n.", nameof(privateKey));
        }

        privateKey.CopyTo(_privateKey);
        var (x, y) = Secp256k1BaseMultiplier.Multiply(_privateKey);
        _publicKey = new byte[64];
        x.WriteBigEndian(_publicKey.AsSpan(0, 32));
        y.WriteBigEndian(_publicKey.AsSpan(32, 32));
        Address = EthereumAddress.FromPublicKey(_publicKey);
    }

    /// <summary>The address that this key controls.</summary>
    public EthereumAddress Address { get; }

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
                var d = Secp256k1Curve.ToBigInteger(bytes);
                if (d.SignValue != 0 && d.CompareTo(Secp256k1Curve.N) < 0)
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

        var n = Secp256k1Curve.N;
        var e = new BigInteger(1, hash);

        // h1 = hash mod n (the hash is below 2^256 < 2n, so at most one subtraction).
        Span<byte> h1 = stackalloc byte[32];
        if (e.CompareTo(n) >= 0)
        {
            Secp256k1Curve.WriteFixed(e.Subtract(n), h1);
        }
        else
        {
            hash.CopyTo(h1);
        }

        Span<byte> nonceKey = stackalloc byte[32];
        Span<byte> nonceValue = stackalloc byte[32];
        Span<byte> scratch = stackalloc byte[97];
        Span<byte> k = stackalloc byte[32];
        Span<byte> r = stackalloc byte[32];
        Span<byte> s = stackalloc byte[32];
        try
        {
            var nonces = new Rfc6979Nonce(_privateKey, h1, nonceKey, nonceValue, scratch);
            var d = Secp256k1Curve.ToBigInteger(_privateKey);
            while (true)
            {
                nonces.Next(k);
                var kValue = Secp256k1Curve.ToBigInteger(k);
                if (kValue.SignValue == 0 || kValue.CompareTo(n) >= 0)
                {
                    continue;
                }

                var (x, y) = Secp256k1BaseMultiplier.Multiply(k);
                x.WriteBigEndian(r);
                var rValue = Secp256k1Curve.ToBigInteger(r);

                // x >= n would need recovery id 2 or 3, which Ethereum's v cannot express; the chance is
                // about 2^-128, and taking the next RFC 6979 candidate keeps the signature valid.
                if (rValue.SignValue == 0 || rValue.CompareTo(n) >= 0)
                {
                    continue;
                }

                var sValue = BigIntegers.ModOddInverse(n, kValue).Multiply(e.Add(d.Multiply(rValue))).Mod(n);
                if (sValue.SignValue == 0)
                {
                    continue;
                }

                var recoveryId = y.IsOdd ? 1 : 0;
                if (sValue.CompareTo(Secp256k1Curve.HalfN) > 0)
                {
                    // Negating s mirrors R across the x axis, which flips the parity of its y.
                    sValue = n.Subtract(sValue);
                    recoveryId ^= 1;
                }

                Secp256k1Curve.WriteFixed(sValue, s);
                return new EcdsaSignature(r, s, recoveryId);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(nonceKey);
            CryptographicOperations.ZeroMemory(nonceValue);
            CryptographicOperations.ZeroMemory(scratch);
            CryptographicOperations.ZeroMemory(k);
        }
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
