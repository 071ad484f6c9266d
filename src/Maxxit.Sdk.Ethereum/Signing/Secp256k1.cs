using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Maxxit.Sdk.Ethereum.Signing;

/// <summary>Public-key recovery and verification for secp256k1 signatures over 32-byte hashes.</summary>
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

        var n = Secp256k1Curve.N;
        var r = Secp256k1Curve.ToBigInteger(signature.R);
        var s = Secp256k1Curve.ToBigInteger(signature.S);

        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 | signature.RecoveryId);
        signature.R.CopyTo(compressed[1..]);
        ECPoint rPoint;
        try
        {
            rPoint = Secp256k1Curve.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new EthereumFormatException("The signature's r is not the x coordinate of a curve point.", nameof(signature), ex);
        }

        var e = new BigInteger(1, hash.ToArray());
        var rInverse = r.ModInverse(n);
        var u1 = n.Subtract(e).Multiply(rInverse).Mod(n);
        var u2 = s.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Secp256k1Curve.G, u1, rPoint, u2).Normalize();
        if (q.IsInfinity)
        {
            throw new EthereumFormatException("The signature does not recover to a valid public key.", nameof(signature));
        }

        var publicKey = new byte[64];
        Secp256k1Curve.WriteFixed(q.AffineXCoord.ToBigInteger(), publicKey.AsSpan(0, 32));
        Secp256k1Curve.WriteFixed(q.AffineYCoord.ToBigInteger(), publicKey.AsSpan(32, 32));
        return publicKey;
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
