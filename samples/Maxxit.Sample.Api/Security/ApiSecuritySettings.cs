namespace Maxxit.Sample.Api.Security;

/// <summary>
/// How the API authenticates, from configuration (<c>Maxxit:Api:*</c>, e.g. <c>Maxxit__Api__ApiKey</c>, or the
/// command line <c>--api-key</c>, <c>--wallet-signatures true</c>).
/// </summary>
/// <param name="ApiKey">The operator API key every request must carry (<c>Authorization: Bearer …</c>); null runs open, loopback only.</param>
/// <param name="WalletSignatures">Whether deploy, policy update and close also need the wallet owner's EIP-191 signature.</param>
/// <param name="SignatureWindow">How far a signed request's timestamp may be from the server's clock.</param>
/// <param name="WritesPerMinute">Write requests (any method but GET/HEAD) accepted per minute per client address.</param>
public sealed record ApiSecuritySettings(string? ApiKey, bool WalletSignatures, TimeSpan SignatureWindow, int WritesPerMinute)
{
    /// <summary>The smallest API key accepted: 32 characters (e.g. <c>head -c 32 /dev/urandom | base64</c>).</summary>
    public const int MinApiKeyLength = 32;

    public static ApiSecuritySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var apiKey = First(configuration, "api-key", "Maxxit:Api:ApiKey");
        if (apiKey is not null && apiKey.Length < MinApiKeyLength)
        {
            throw new ApiStartupException($"the API key (MAXXIT__API__APIKEY or --api-key) must be at least {MinApiKeyLength} characters");
        }

        var signatures = First(configuration, "wallet-signatures", "Maxxit:Api:WalletSignatures");
        bool walletSignatures = false;
        if (signatures is not null && !bool.TryParse(signatures, out walletSignatures))
        {
            throw new ApiStartupException("wallet signatures (MAXXIT__API__WALLETSIGNATURES or --wallet-signatures) must be true or false");
        }

        var writes = First(configuration, "writes-per-minute", "Maxxit:Api:WritesPerMinute");
        var writesPerMinute = 120;
        if (writes is not null && (!int.TryParse(writes, out writesPerMinute) || writesPerMinute is < 1 or > 100_000))
        {
            throw new ApiStartupException("writes per minute (MAXXIT__API__WRITESPERMINUTE or --writes-per-minute) must be between 1 and 100000");
        }

        return new ApiSecuritySettings(apiKey, walletSignatures, TimeSpan.FromMinutes(5), writesPerMinute);
    }

    // The API key must never be printed with the settings.
    public override string ToString() =>
        $"ApiSecuritySettings {{ ApiKey = {(ApiKey is null ? "none" : "***")}, WalletSignatures = {WalletSignatures}, WritesPerMinute = {WritesPerMinute} }}";

    private static string? First(IConfiguration configuration, params string[] keys) =>
        keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
