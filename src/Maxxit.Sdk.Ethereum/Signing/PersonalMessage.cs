using System.Globalization;
using System.Text;
using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sdk.Ethereum.Signing;

/// <summary>
/// EIP-191 version <c>0x45</c> messages, the ones wallets sign with <c>personal_sign</c>:
/// <c>keccak256("\x19Ethereum Signed Message:\n" ‖ decimal byte length ‖ message)</c>.
/// </summary>
public static class PersonalMessage
{
    private static readonly byte[] Prefix = "\u0019Ethereum Signed Message:\n"u8.ToArray();

    /// <summary>The hash a wallet signs for <c>personal_sign</c> of <paramref name="message"/>.</summary>
    /// <param name="message">The message bytes exactly as the wallet was given them.</param>
    /// <returns>A new 32-byte hash.</returns>
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var length = message.Length.ToString(CultureInfo.InvariantCulture);
        var envelope = new byte[Prefix.Length + length.Length + message.Length];
        Prefix.CopyTo(envelope, 0);
        Encoding.ASCII.GetBytes(length, envelope.AsSpan(Prefix.Length));
        message.CopyTo(envelope.AsSpan(Prefix.Length + length.Length));
        return Keccak256.Hash(envelope);
    }

    /// <summary>The hash a wallet signs for <c>personal_sign</c> of the UTF-8 bytes of <paramref name="message"/>.</summary>
    /// <param name="message">The text.</param>
    /// <returns>A new 32-byte hash.</returns>
    public static byte[] Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Hash(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Signs <paramref name="message"/> as <c>personal_sign</c> does; <c>v</c> is 27 or 28.</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="message">The message bytes.</param>
    /// <returns>The signature.</returns>
    public static EcdsaSignature Sign(EthereumKey key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Hash(message));
    }

    /// <summary>Recovers the address that signed <paramref name="message"/> with <c>personal_sign</c>.</summary>
    /// <param name="message">The message bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>The signer's address.</returns>
    /// <exception cref="EthereumFormatException">No key matches the signature.</exception>
    public static EthereumAddress RecoverSigner(ReadOnlySpan<byte> message, EcdsaSignature signature) =>
        Secp256k1.RecoverAddress(Hash(message), signature);
}
