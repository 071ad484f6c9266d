using System.Net;
using System.Text.Json;

namespace Maxxit.Sample.Api.Tests;

public sealed class PolicyTests(SharedServer server) : IClassFixture<SharedServer>
{
    private ApiServer Api => server.Api;

    private string PolicyPath => $"/api/v3/deployments/{server.DeploymentId}/policy";

    [Fact]
    public async Task Put_policy_stores_it_and_answers_the_deployment_with_it()
    {
        var response = await Api.PutAsync(PolicyPath, """
            {
              "min_confidence": 0.7,
              "allowed_side": "LONG",
              "allowed_tokens": [],
              "denied_tokens": ["DOGE"],
              "risk_preference": "CONSERVATIVE",
              "max_trade_size_percent": 20,
              "max_leverage": 5,
              "max_open_positions": 3,
              "cooldown_per_token": "00:30:00",
              "daily_trade_cap": 10,
              "trading_hours_start_utc": 8,
              "trading_hours_end_utc": 20,
              "trading_days": ["MONDAY", "FRIDAY"],
              "preferred_venues": ["OSTIUM", "HYPERLIQUID"],
              "excluded_venues": []
            }
            """);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Json.GetProperty("success").GetBoolean());
        var deployment = response.Json.GetProperty("deployment");
        Assert.Equal(server.DeploymentId, deployment.GetProperty("id").GetGuid());
        var policy = deployment.GetProperty("policy");
        Assert.Equal(0.7m, policy.GetProperty("min_confidence").GetDecimal());
        Assert.Equal("LONG", policy.GetProperty("allowed_side").GetString());
        Assert.Equal(["DOGE"], policy.GetProperty("denied_tokens").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CONSERVATIVE", policy.GetProperty("risk_preference").GetString());
        Assert.Equal(20m, policy.GetProperty("max_trade_size_percent").GetDecimal());
        Assert.Equal(5m, policy.GetProperty("max_leverage").GetDecimal());
        Assert.Equal(3, policy.GetProperty("max_open_positions").GetInt32());
        Assert.Equal("00:30:00", policy.GetProperty("cooldown_per_token").GetString());
        Assert.Equal(["MONDAY", "FRIDAY"], policy.GetProperty("trading_days").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["OSTIUM", "HYPERLIQUID"], policy.GetProperty("preferred_venues").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("size_multiplier").ValueKind);

        // A JSON null clears it (pass-through).
        var cleared = await Api.PutAsync(PolicyPath, "null");
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(JsonValueKind.Null, cleared.Json.GetProperty("deployment").GetProperty("policy").ValueKind);
    }

    [Theory]
    [InlineData("""{"max_leverage": 0}""", "max_leverage")]
    [InlineData("""{"min_confidence": 1.5}""", "min_confidence")]
    [InlineData("""{"max_trade_size_percent": -5}""", "max_trade_size_percent")]
    [InlineData("""{"size_multiplier": 0}""", "size_multiplier")]
    [InlineData("""{"trading_hours_start_utc": 20, "trading_hours_end_utc": 8}""", "trading_hours_end_utc")]
    [InlineData("""{"denied_tokens": ["DOGE!"]}""", "denied_tokens")]
    [InlineData("""{"allowed_tokens": ["ETH"], "denied_tokens": ["eth"]}""", "denied_tokens")]
    [InlineData("""{"preferred_venues": ["MULTI"]}""", "preferred_venues")]
    [InlineData("""{"preferred_venues": ["BINANCE"]}""", "preferred_venues[0]")]
    [InlineData("""{"allowed_side": "UP"}""", "allowed_side")]
    [InlineData("""{"allowed_side": 0}""", "allowed_side")]
    [InlineData("""{"cooldown_per_token": "soon"}""", "cooldown_per_token")]
    [InlineData("""{"max_open_positions": 1.5}""", "max_open_positions")]
    public async Task Bad_policies_are_400_naming_the_field(string body, string field) =>
        ErrorAssert.Is(await Api.PutAsync(PolicyPath, body), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Bad_and_unknown_deployment_ids()
    {
        ErrorAssert.Is(await Api.PutAsync($"/api/v3/deployments/{Guid.NewGuid()}/policy", "{}"), HttpStatusCode.NotFound, "deployment_id");
        ErrorAssert.Is(await Api.PutAsync("/api/v3/deployments/not-a-uuid/policy", "{}"), HttpStatusCode.BadRequest, "deployment_id");
        ErrorAssert.Is(await Api.PutAsync($"/api/v3/deployments/{Guid.Empty}/policy", "{}"), HttpStatusCode.BadRequest, "deployment_id");
        ErrorAssert.Is(await Api.PutAsync(PolicyPath, "{oops"), HttpStatusCode.BadRequest, null);
    }
}
