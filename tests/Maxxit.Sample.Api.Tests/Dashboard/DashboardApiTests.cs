using System.Net;
using Maxxit.Sdk.Testing.Postgres;

namespace Maxxit.Sample.Api.Tests.Dashboard;

/// <summary>The dashboard's JSON and files over plain HTTP, on the embedded default and on Postgres.</summary>
public sealed class DashboardApiTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public Task The_snapshot_after_the_quick_start_is_right_on_the_embedded_default() => SnapshotAfterQuickStartAsync(null);

    [Fact]
    public Task The_snapshot_after_the_quick_start_is_right_on_postgres() => SnapshotAfterQuickStartAsync(database.ConnectionString);

    [Fact]
    public async Task The_page_and_its_files_are_served_from_this_origin_only_and_the_json_is_in_openapi()
    {
        var api = new ApiServer();
        await api.InitializeAsync();
        try
        {
            foreach (var path in new[] { "/", "/dashboard" })
            {
                using var page = await api.Http.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
                var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
                Assert.Contains("connect-src 'self'", csp);
                Assert.Contains("script-src 'self'", csp);
                Assert.Contains("/dashboard/assets/dashboard.js", await page.Content.ReadAsStringAsync());
            }

            foreach (var (name, type) in new[] { ("dashboard.html", "text/html"), ("dashboard.css", "text/css"), ("dashboard.js", "text/javascript") })
            {
                using var asset = await api.Http.GetAsync("/dashboard/assets/" + name);
                Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
                Assert.Equal(type, asset.Content.Headers.ContentType?.MediaType);
                var text = await asset.Content.ReadAsStringAsync();

                // No CDN, no other host: the only absolute URL is the SVG namespace name, which is never fetched.
                Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);

                using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/assets/" + name);
                again.Headers.TryAddWithoutValidation("If-None-Match", asset.Headers.ETag!.Tag);
                using var cached = await api.Http.SendAsync(again);
                Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
            }

            using var missing = await api.Http.GetAsync("/dashboard/assets/secrets.json");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

            var openApi = await api.GetAsync("/openapi/v1.json");
            var paths = openApi.Json.GetProperty("paths");
            Assert.True(paths.GetProperty("/api/v3/dashboard").TryGetProperty("get", out _));
            Assert.False(paths.TryGetProperty("/", out _));
            Assert.False(paths.TryGetProperty("/dashboard", out _));
            var schemas = openApi.Json.GetProperty("components").GetProperty("schemas");
            Assert.True(schemas.GetProperty("AgentPanel").GetProperty("properties").TryGetProperty("apr_30d", out _));
            Assert.True(schemas.GetProperty("DashboardSnapshot").GetProperty("properties").TryGetProperty("positions_by_status", out _));
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    private static async Task SnapshotAfterQuickStartAsync(string? postgres)
    {
        var api = new ApiServer(postgres);
        await api.InitializeAsync();
        try
        {
            await QuickStart.RunAsync(api);
            var snapshot = await api.GetAsync("/api/v3/dashboard");
            Assert.Equal(HttpStatusCode.OK, snapshot.Status);
            DashboardSnapshotAssert.AfterQuickStart(snapshot.Json);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }
}
