namespace Maxxit.Sample.Api.Security;

/// <summary>Which of the configured listen addresses reach beyond this machine.</summary>
public static class ListenAddresses
{
    /// <summary>
    /// The addresses among <c>urls</c> (semicolon separated, as <c>--urls</c> and <c>ASPNETCORE_URLS</c>) and the
    /// Kestrel endpoints that are not loopback: wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and any
    /// named host or address other than localhost, 127.0.0.0/8 and ::1.
    /// </summary>
    public static IReadOnlyList<string> NonLoopback(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = (configuration[WebHostDefaults.ServerUrlsKey] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Where(u => !IsLoopback(u)).ToList();
    }

    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.StartsWith('[')
            ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)]
            : rest.Split(':', '/')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address);
    }
}
