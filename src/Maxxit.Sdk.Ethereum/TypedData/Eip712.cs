using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sdk.Ethereum.TypedData;

/// <summary>The final EIP-712 signing digest and signing helpers.</summary>
public static class Eip712
{
    /// <summary>Computes <c>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash)</c>.</summary>
    /// <param name="domainSeparator">32 bytes.</param>
    /// <param name="structHash">32 bytes.</param>
    /// <returns>A new 32-byte digest to sign.</returns>
    /// <exception cref="EthereumFormatException">An input is not 32 bytes.</exception>
    public static byte[] Hash(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        var digest = new byte[Keccak256.HashLength];
        Hash(domainSeparator, structHash, digest);
        return digest;
    }

    /// <summary>Writes <c>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash)</c> into <paramref name="destination"/>.</summary>
    /// <param name="domainSeparator">32 bytes.</param>
    /// <param name="structHash">32 bytes.</param>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="EthereumFormatException">An input is not 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[66];
        message[0] = 0x19;
        message[1] = 0x01;
        Eip712StructBuilder.CopyHash(domainSeparator, message[2..34], nameof(domainSeparator));
        Eip712StructBuilder.CopyHash(structHash, message[34..66], nameof(structHash));
        Keccak256.Hash(message, destination);
    }

    /// <summary>Computes the signing digest of <paramref name="structHash"/> in <paramref name="domain"/>.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="structHash">The message's <c>hashStruct</c>, 32 bytes.</param>
    /// <returns>A new 32-byte digest to sign.</returns>
    public static byte[] Hash(Eip712Domain domain, ReadOnlySpan<byte> structHash)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return Hash(domain.Separator, structHash);
    }

    /// <summary>Signs a typed-data message: the signature <c>eth_signTypedData_v4</c> would return.</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="structHash">The message's <c>hashStruct</c>, 32 bytes.</param>
    /// <returns>The signature.</returns>
    public static EcdsaSignature Sign(EthereumKey key, Eip712Domain domain, ReadOnlySpan<byte> structHash)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(domain);
        Span<byte> digest = stackalloc byte[Keccak256.HashLength];
        Hash(domain.Separator, structHash, digest);
        return key.Sign(digest);
    }
}
