using NBitcoin.Secp256k1;

namespace Maxxit.Sdk.Ethereum.Signing;

/// <summary>Public-key recovery and verification for secp256k1 signatures over 32-byte hashes.</summary>
/// <remarks>Recovery runs on <c>NBitcoin.Secp256k1</c>, a C# port of libsecp256k1. It accepts high-s signatures
/// as well (recovery is defined for both); use <see cref="EcdsaSignature.IsLowS"/> to insist on low s.</remarks>
public static class Secp256k1
{
    /// <summary>Recovers the public key that produced <paramref name="signature"/> over <paramref name="hash"/>.</summary>
    /// <param name="hash">The 32-byte hash that was signed.</param>
    /// <param name="signature">The recoverable signature.</param>
    /// <returns>The uncompressed public key without prefix: X ‖ Y, 64 bytes.</returns>
    /// <exception cref="EthereumFormatException">The hash is not 32 bytes or no key matches the signature.</exception>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> hash, EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (hash.Length != 32)
        {
            throw new EthereumFormatException($"The signed hash must be 32 bytes but was {hash.Length}.", nameof(hash));
        }

        Span<byte> compact = stackalloc byte[64];
        signature.R.CopyTo(compact);
        signature.S.CopyTo(compact[32..]);

        // EcdsaSignature already holds r and s in [1, n-1] and a recovery id of 0 or 1, so parsing cannot fail;
        // recovery fails when r is not the x coordinate of a curve point or the key would be the point at infinity.
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(compact, signature.RecoveryId, out var recoverable)
            || !ECPubKey.TryRecover(Context.Instance, recoverable, hash, out var key))
        {
            throw new EthereumFormatException("The signature does not recover to a valid public key.", nameof(signature));
        }

        Span<byte> uncompressed = stackalloc byte[65];
        key.WriteToSpan(compressed: false, uncompressed, out _);
        return uncompressed[1..].ToArray();
    }

    /// <summary>Recovers the address of the key that produced <paramref name="signature"/> over <paramref name="hash"/>.</summary>
    /// <param name="hash">The 32-byte hash that was signed.</param>
    /// <param name="signature">The recoverable signature.</param>
    /// <returns>The signer's address.</returns>
    /// <exception cref="EthereumFormatException">The hash is not 32 bytes or no key matches the signature.</exception>
    public static EthereumAddress RecoverAddress(ReadOnlySpan<byte> hash, EcdsaSignature signature) =>
        EthereumAddress.FromPublicKey(RecoverPublicKey(hash, signature));

    /// <summary>Whether <paramref name="signature"/> over <paramref name="hash"/> was made by <paramref name="signer"/>.</summary>
    /// <param name="hash">The 32-byte hash that was signed.</param>
    /// <param name="signature">The recoverable signature.</param>
    /// <param name="signer">The expected signer.</param>
    /// <returns><see langword="true"/> when the recovered address equals <paramref name="signer"/>.</returns>
    /// <exception cref="EthereumFormatException">The hash is not 32 bytes.</exception>
    public static bool Verify(ReadOnlySpan<byte> hash, EcdsaSignature signature, EthereumAddress signer)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (hash.Length != 32)
        {
            throw new EthereumFormatException($"The signed hash must be 32 bytes but was {hash.Length}.", nameof(hash));
        }

        try
        {
            return RecoverAddress(hash, signature) == signer;
        }
        catch (EthereumFormatException)
        {
            return false;
        }
    }
}
