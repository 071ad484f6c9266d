using System.Net;

namespace Maxxit.Sample.Api.Tests;

public sealed class OpenApiTests(SharedServer server) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task The_document_lists_every_endpoint_with_its_method_and_snake_case_bodies()
    {
        var response = await server.Api.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var paths = response.Json.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v3/agents/create", "post"),
            ("/api/v3/agents/list", "get"),
            ("/api/v3/agents/deploy", "post"),
            ("/api/v3/signals/generate", "post"),
            ("/api/v3/execute/trade", "post"),
            ("/api/v3/stats/overview", "get"),
            ("/api/v3/stats/routing-history", "get"),
            ("/api/v3/deployments/{id}/policy", "put"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing");
            Assert.True(item.TryGetProperty(method, out _), $"{method} {path} missing");
        }

        var schemas = response.Json.GetProperty("components").GetProperty("schemas");
        var deploy = schemas.GetProperty("DeployAgentBody").GetProperty("properties");
        Assert.True(deploy.TryGetProperty("hyperliquid_agent_key_encrypted", out _));
        Assert.True(deploy.TryGetProperty("ostium_agent_address", out _));
        var history = paths.GetProperty("/api/v3/stats/routing-history").GetProperty("get").GetProperty("parameters");
        Assert.Equal(
            ["limit", "selected_venue", "token_symbol"],
            history.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
    }
}
