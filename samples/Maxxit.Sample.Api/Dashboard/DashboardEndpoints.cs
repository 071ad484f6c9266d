using Maxxit.Sample.Api.Dashboard.Dtos;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Workers;
using Microsoft.Net.Http.Headers;

namespace Maxxit.Sample.Api.Dashboard;

/// <summary>
/// The operator dashboard: the page at <c>/</c> and <c>/dashboard</c>, its embedded stylesheet and script under
/// <c>/dashboard/assets/</c>, and the JSON it polls, <c>GET /api/v3/dashboard</c> (in OpenAPI, for other tools too).
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Path of the JSON snapshot.</summary>
    public const string SnapshotPath = "/api/v3/dashboard";

    /// <summary>
    /// Maps the dashboard into one route group and returns it, so that whatever protects the API (authentication,
    /// rate limits) is applied to the page and its JSON in the same call as to the other endpoint groups.
    /// </summary>
    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var builder = CreateBuilder(app.ServiceProvider);
        var group = app.MapGroup(string.Empty);

        group.MapGet("/", PageAsync).ExcludeFromDescription();
        group.MapGet("/dashboard", PageAsync).ExcludeFromDescription();
        group.MapGet("/dashboard/assets/{name}", (HttpContext http, string name) => Serve(http, name)).ExcludeFromDescription();
        group.MapGet(SnapshotPath, async (HttpContext http, CancellationToken cancellationToken) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                var snapshot = await builder.BuildAsync(cancellationToken);
                return TypedResults.Json(new DashboardResponse(true, "V3", snapshot));
            })
            .WithTags("Dashboard")
            .WithName("Dashboard")
            .WithSummary("Everything the operator dashboard shows: routing share per venue, recent activity, positions per state, open positions, per-agent figures, worker, monitor and venue health")
            .Produces<DashboardResponse>();
        return group;
    }

    private static Task PageAsync(HttpContext http) => Serve(http, "dashboard.html").ExecuteAsync(http);

    private static IResult Serve(HttpContext http, string name)
    {
        if (DashboardAssets.Find(name) is not { } asset)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = DashboardAssets.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static DashboardSnapshotBuilder CreateBuilder(IServiceProvider sp)
    {
        var store = sp.GetRequiredService<IMaxxitStore>();
        var catalog = sp.GetRequiredService<IMarketCatalog>();
        var adapters = sp.GetRequiredService<VenueAdapterRegistry>();
        var time = sp.GetRequiredService<TimeProvider>();
        var hosted = sp.GetServices<IHostedService>().ToList();
        var host = new HostActivity(
            time,
            sp.GetService<SignalWorker>(),
            hosted.OfType<SignalWorker>().Any(),
            sp.GetService<PositionMonitor>(),
            hosted.OfType<PositionMonitorService>().Any());
        sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(host.Dispose);
        return new DashboardSnapshotBuilder(
            store,
            catalog,
            adapters,
            sp.GetRequiredService<VenueHealthRegistry>(),
            new PriceQuotes(catalog, adapters, time, sp.GetService<PositionPriceBook>()),
            new SignalFacts(store),
            host,
            time);
    }
}
