using Maxxit.Sample.Api.Dashboard;
using Maxxit.Sample.Api.Endpoints;
using Maxxit.Sample.Api.Http;
using Maxxit.Sample.Api.Security;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sample.Api;

/// <summary>Builds the web application: the SDK on the embedded default (or Postgres), the endpoints, JSON and error handling.</summary>
public static class ApiHost
{
    /// <summary>Largest request body accepted (64 KiB); larger ones answer 413.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Builds the host from command-line arguments; tests call it with <c>--urls http://127.0.0.1:0</c>.</summary>
    /// <param name="args">Command-line arguments (configuration: <c>--urls</c>, <c>--master-key</c>, <c>--postgres</c>, …).</param>
    /// <param name="configure">Last changes before the app is built (tests add a log sink here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root at the binaries so that appsettings.json is found whatever folder `dotnet run --project` starts from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var settings = ApiSettings.From(builder.Configuration);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(ApiSettings.DefaultUrls);
        }

        var security = builder.AddApiSecurity();

        // Every request body of this API is a small JSON object; Kestrel's 30 MB default only invites abuse.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        var maxxit = builder.Services.AddMaxxitV3(settings.ApplyTo);

        // `--postgres "<conn>"`: everything in PostgreSQL (src/Maxxit.Sdk.Postgres, merged from branch pg); default is in-memory.
        if (settings.PostgresConnectionString is { } connectionString)
        {
            try
            {
                maxxit.UsePostgres(connectionString);
            }
            catch (MaxxitValidationException ex)
            {
                throw new ApiStartupException($"--postgres: the connection string {ex.Reason}");
            }
        }

        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        if (settings.MasterKeyGenerated)
        {
            app.Logger.LogWarning(
                "No master key configured (MAXXIT__MASTERKEY or --master-key): using a random development key for this process only; encrypted agent keys made for another key will be refused");
        }

        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseStatusCodePages(StatusCodeBodies.WriteAsync);
        app.UseApiSecurity(security);
        app.MapOpenApi();
        app.MapAgentEndpoints();
        app.MapDeploymentEndpoints();
        app.MapPositionEndpoints();
        app.MapSignalEndpoints();
        app.MapExecutionEndpoints();
        app.MapStatsEndpoints();
        app.MapDashboard();
        return app;
    }
}
