namespace Maxxit.Sdk.Ethereum.Signing;

/// <summary>
/// A recoverable secp256k1 signature: <c>r</c> and <c>s</c> as 32-byte big-endian integers and the
/// recovery id (0 or 1) that tells which of the two candidate public keys signed.
/// </summary>
public sealed class EcdsaSignature : IEquatable<EcdsaSignature>
{
    /// <summary>Length of the compact <c>r ‖ s ‖ v</c> form in bytes.</summary>
    public const int Length = 65;

    private readonly byte[] _rs;

    /// <summary>Creates a signature from its parts.</summary>
    /// <param name="r">32 bytes, big-endian, in [1, n-1].</param>
    /// <param name="s">32 bytes, big-endian, in [1, n-1].</param>
    /// <param name="recoveryId">0 or 1.</param>
    /// <exception cref="EthereumFormatException">A part has the wrong length or is out of range.</exception>
    public EcdsaSignature(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId)
    {
        RequireScalar(r, nameof(r));
        RequireScalar(s, nameof(s));
        if (recoveryId is not (0 or 1))
        {
            throw new EthereumFormatException($"Recovery id must be 0 or 1 but was {recoveryId}.", nameof(recoveryId));
        }

        _rs = new byte[64];
        r.CopyTo(_rs);
        s.CopyTo(_rs.AsSpan(32));
        RecoveryId = recoveryId;
    }

    /// <summary>The <c>r</c> value, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> R => _rs.AsSpan(0, 32);

    /// <summary>The <c>s</c> value, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> S => _rs.AsSpan(32, 32);

    /// <summary>The recovery id, 0 or 1 (the parity of the curve point R's y coordinate).</summary>
    public int RecoveryId { get; }

    /// <summary>The recovery id in the pre-EIP-155 convention used by <c>eth_sign</c> and EIP-712: 27 or 28.</summary>
    public byte V => (byte)(27 + RecoveryId);

    /// <summary>Whether <c>s</c> is in the lower half of the curve order, as Ethereum requires since Homestead.</summary>
    public bool IsLowS => Secp256k1Scalar.IsLow(S);

    /// <summary>The EIP-155 <c>v</c> of a legacy transaction: <c>recoveryId + chainId * 2 + 35</c>.</summary>
    /// <param name="chainId">The chain id the transaction was signed for.</param>
    /// <returns>The <c>v</c> value.</returns>
    public ulong Eip155V(ulong chainId) => checked(((ulong)RecoveryId) + (chainId * 2) + 35);

    /// <summary>
    /// Reads the 65-byte <c>r ‖ s ‖ v</c> form; <c>v</c> may be 0/1 or 27/28.
    /// </summary>
    /// <param name="signature">The 65 bytes.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="EthereumFormatException">The length, <c>v</c>, <c>r</c> or <c>s</c> is invalid.</exception>
    public static EcdsaSignature FromBytes(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Length)
        {
            throw new EthereumFormatException(
                $"A signature is {Length} bytes (r ‖ s ‖ v) but {signature.Length} were given.", nameof(signature));
        }

        var v = signature[64];
        var recoveryId = v switch
        {
            0 or 1 => v,
            27 or 28 => v - 27,
            _ => throw new EthereumFormatException($"Signature v must be 0, 1, 27 or 28 but was {v}.", nameof(signature)),
        };
        return new EcdsaSignature(signature[..32], signature[32..64], recoveryId);
    }

    /// <summary>Parses the hex form of <see cref="FromBytes"/>.</summary>
    /// <param name="signature">130 hex digits, optionally prefixed with <c>0x</c>.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="EthereumFormatException">The text is not a valid signature.</exception>
    public static EcdsaSignature Parse(string signature) => FromBytes(Hex.Decode(signature, nameof(signature)));

    /// <summary>Writes <c>r ‖ s ‖ v</c> with <c>v</c> = 27 or 28 into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 65 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"Destination must hold at least {Length} bytes.", nameof(destination));
        }

        _rs.CopyTo(destination);
        destination[64] = V;
    }

    /// <summary>Returns <c>r ‖ s ‖ v</c> with <c>v</c> = 27 or 28, the form <c>eth_signTypedData</c> returns.</summary>
    /// <returns>65 new bytes.</returns>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Returns <c>0x</c> and the hex of <see cref="ToBytes"/>.</summary>
    /// <returns>The signature as hex.</returns>
    public override string ToString() => Hex.Encode(ToBytes());

    /// <inheritdoc />
    public bool Equals(EcdsaSignature? other) =>
        other is not null && RecoveryId == other.RecoveryId && _rs.AsSpan().SequenceEqual(other._rs);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EcdsaSignature);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_rs);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    private static void RequireScalar(ReadOnlySpan<byte> value, string paramName)
    {
        if (value.Length != 32)
        {
            throw new EthereumFormatException($"Must be 32 bytes but was {value.Length}.", paramName);
        }

        if (!Secp256k1Scalar.IsInRange(value))
        {
            throw new EthereumFormatException("Must be in [1, n-1] for the secp256k1 order n.", paramName);
        }
    }
}
