using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sample.Api.Security;

/// <summary>
/// The text a wallet owner signs with <c>personal_sign</c> (EIP-191) to authorize one request, and its hash:
/// <code>
/// Maxxit API request
/// POST /api/v3/agents/deploy
/// wallet: 0x2222…
/// timestamp: 1764590400
/// nonce: 9f1c…
/// body-sha256: 5e88…
/// </code>
/// The wallet is lower case, the timestamp Unix seconds, the body hash lower-case hex of the exact body bytes.
/// </summary>
public static class WalletRequestMessage
{
    public static string Text(string method, string path, string wallet, long timestamp, string nonce, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"Maxxit API request\n{method.ToUpperInvariant()} {path}\nwallet: {wallet.ToLowerInvariant()}\ntimestamp: {timestamp}\nnonce: {nonce}\nbody-sha256: {Convert.ToHexStringLower(SHA256.HashData(body))}");

    /// <summary>keccak256("\x19Ethereum Signed Message:\n" + byte length + message), what <c>personal_sign</c> signs.</summary>
    public static byte[] PersonalSignHash(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\u0019Ethereum Signed Message:\n{bytes.Length}"));
        return Keccak256.Hash([.. prefix, .. bytes]);
    }
}
