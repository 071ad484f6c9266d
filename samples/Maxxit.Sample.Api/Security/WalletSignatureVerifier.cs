using System.Collections.Concurrent;
using System.Globalization;
using Maxxit.Sample.Api.Http;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sample.Api.Security;

/// <summary>
/// In wallet-signature mode, checks that a user-facing request (deploy, policy update, close) is signed by the wallet it
/// acts for: headers <c>X-Maxxit-Timestamp</c> (Unix seconds, within the window of the server clock),
/// <c>X-Maxxit-Nonce</c> (16–128 of [A-Za-z0-9_-], never reused) and <c>X-Maxxit-Signature</c> (65-byte
/// <c>personal_sign</c> signature, hex) over <see cref="WalletRequestMessage"/>. The signer is recovered with the SDK's
/// secp256k1. Any failure is a 401 before anything is written.
/// </summary>
public sealed class WalletSignatureVerifier(ApiSecuritySettings settings, TimeProvider time)
{
    public const string TimestampHeader = "X-Maxxit-Timestamp";
    public const string NonceHeader = "X-Maxxit-Nonce";
    public const string SignatureHeader = "X-Maxxit-Signature";

    private readonly ConcurrentDictionary<(string Wallet, string Nonce), DateTimeOffset> _seen = new();

    public bool Enabled => settings.WalletSignatures;

    /// <summary>Refuses the request unless <paramref name="wallet"/> signed it (no-op when the mode is off).</summary>
    public async Task RequireAsync(HttpContext http, string? wallet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Enabled)
        {
            return;
        }

        if (!EthereumAddress.TryParse(wallet?.ToLowerInvariant(), out var owner))
        {
            throw Unauthorized("the request names no valid wallet to check the signature against");
        }

        var headers = http.Request.Headers;
        var timestampText = headers[TimestampHeader].ToString();
        var nonce = headers[NonceHeader].ToString();
        var signatureText = headers[SignatureHeader].ToString();
        if (timestampText.Length == 0 || nonce.Length == 0 || signatureText.Length == 0)
        {
            throw Unauthorized($"wallet signature required: send {TimestampHeader}, {NonceHeader} and {SignatureHeader} (personal_sign by {owner})");
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > (long)settings.SignatureWindow.TotalSeconds)
        {
            throw Unauthorized($"{TimestampHeader} must be Unix seconds within {settings.SignatureWindow.TotalMinutes:0} minutes of the server clock");
        }

        if (nonce.Length is < 16 or > 128 || !nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw Unauthorized($"{NonceHeader} must be 16 to 128 characters of A-Z, a-z, 0-9, - and _");
        }

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        var message = WalletRequestMessage.Text(http.Request.Method, http.Request.Path.Value ?? "/", owner.ToString(), timestamp, nonce, body);
        EthereumAddress signer;
        try
        {
            signer = Secp256k1.RecoverAddress(WalletRequestMessage.PersonalSignHash(message), EcdsaSignature.Parse(signatureText));
        }
        catch (EthereumFormatException)
        {
            throw Unauthorized($"{SignatureHeader} is not a valid 65-byte signature");
        }

        if (signer != owner)
        {
            throw Unauthorized($"the signature is not {owner}'s over this request");
        }

        Forget();
        if (!_seen.TryAdd((owner.ToString(), nonce), DateTimeOffset.FromUnixTimeSeconds(timestamp) + settings.SignatureWindow))
        {
            throw Unauthorized($"{NonceHeader} was used already: sign each request with a fresh nonce");
        }
    }

    private static ApiErrorException Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message, null);

    // The body was read by the endpoint already; buffering (turned on for every request in this mode) lets it be read again.
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek)
        {
            return [];
        }

        request.Body.Position = 0;
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, cancellationToken);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    // A nonce only needs remembering while its timestamp is acceptable; older ones are refused by the window anyway.
    private void Forget()
    {
        if (_seen.Count < 1024)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (key, expires) in _seen)
        {
            if (expires < now)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}
