using System.Security.Cryptography;
using System.Text;
using Maxxit.Sample.Api.Dtos;

namespace Maxxit.Sample.Api.Security;

/// <summary>
/// With an operator API key configured, every request must carry it as <c>Authorization: Bearer &lt;key&gt;</c>
/// (compared in constant time); anything else is a 401 before any endpoint runs, so nothing is read or written.
/// The dashboard's static shell (its page, script and styles, which hold no data) is served without it, because a
/// browser cannot send a header when it opens a page: the page asks for the key and sends it with every data request.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiSecuritySettings settings)
{
    private readonly byte[]? _expected = settings.ApiKey is { } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : null;

    public async Task InvokeAsync(HttpContext http)
    {
        if (_expected is null || IsDashboardShell(http.Request) || Presented(http) is { } presented && CryptographicOperations.FixedTimeEquals(_expected, presented))
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await http.Response.WriteAsJsonAsync(ErrorResponse.Of("missing or wrong API key: send Authorization: Bearer <key>"), http.RequestAborted);
    }

    private static bool IsDashboardShell(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path == "/" || request.Path == "/dashboard" || request.Path.StartsWithSegments("/dashboard/assets", StringComparison.Ordinal));

    private static byte[]? Presented(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()))
            : null;
    }
}
