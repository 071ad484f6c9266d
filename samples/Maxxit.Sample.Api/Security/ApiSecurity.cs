using System.Net;
using System.Threading.RateLimiting;
using Maxxit.Sample.Api.Dtos;

namespace Maxxit.Sample.Api.Security;

/// <summary>The API's authentication, wallet signatures and write rate limit, added to the host in two calls.</summary>
public static class ApiSecurity
{
    /// <summary>
    /// Registers the security services; refuses to start when the host would listen beyond loopback without an operator
    /// API key.
    /// </summary>
    public static ApiSecuritySettings AddApiSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = ApiSecuritySettings.From(builder.Configuration);
        var exposed = ListenAddresses.NonLoopback(builder.Configuration);
        if (exposed.Count > 0 && settings.ApiKey is null)
        {
            throw new ApiStartupException(
                $"refusing to listen on {string.Join(", ", exposed)} without an operator API key: set MAXXIT__API__APIKEY (or --api-key), " +
                "or listen on loopback only (e.g. --urls http://127.0.0.1:3000) behind a TLS reverse proxy");
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<WalletSignatureVerifier>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.WritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, cancellationToken) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
                ErrorResponse.Of($"too many write requests: at most {settings.WritesPerMinute} a minute"), cancellationToken));
        });
        return settings;
    }

    /// <summary>Rate limit, then the API key, then (in wallet-signature mode) body buffering so that signatures can hash it.</summary>
    public static void UseApiSecurity(this WebApplication app, ApiSecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        app.UseRateLimiter();
        app.UseMiddleware<ApiKeyMiddleware>();
        if (settings.WalletSignatures)
        {
            app.Use((http, next) =>
            {
                http.Request.EnableBuffering();
                return next(http);
            });
        }

        if (settings.ApiKey is null)
        {
            app.Logger.LogWarning("No API key configured (MAXXIT__API__APIKEY or --api-key): the API runs OPEN, without authentication, on loopback only; set a key before listening anywhere else");
        }
        else
        {
            app.Logger.LogInformation("API key required on every endpoint (Authorization: Bearer); wallet signatures {Mode}", settings.WalletSignatures ? "required on deploy, policy update and close" : "off");
        }
    }
}
