using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Maxxit.Sample.Api.Dashboard;

/// <summary>
/// The page, its stylesheet and its script, embedded in this assembly (Dashboard/Assets, see the csproj) so the
/// dashboard works from any folder with no static-file middleware and no network: nothing is fetched from a CDN.
/// </summary>
public static class DashboardAssets
{
    /// <summary>Served at <c>/</c> and <c>/dashboard</c>; the script only talks to this origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Prefix = "Maxxit.Sample.Api.Dashboard.Assets.";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>The asset by file name (<c>dashboard.html</c>, <c>dashboard.css</c>, <c>dashboard.js</c>), or null.</summary>
    public static Asset? Find(string name) => Assets.GetValueOrDefault(name);

    private static FrozenDictionary<string, Asset> Load()
    {
        var asm = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[Prefix.Length..];
            var bytes = buffer.ToArray();
            var type = Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            assets[name] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>One embedded file.</summary>
    /// <param name="Content">Its bytes.</param>
    /// <param name="ContentType">Its media type.</param>
    /// <param name="ETag">A strong validator of its content.</param>
    public sealed record Asset(byte[] Content, string ContentType, string ETag);
}
