using System.Net;

namespace Maxxit.Sample.Api.Tests;

/// <summary>The deploy body's <c>agent_wallets</c> map, beside the original per-venue fields.</summary>
public sealed class AgentWalletsTests(SharedServer server) : IClassFixture<SharedServer>
{
    private const string Deploy = "/api/v3/agents/deploy";

    private ApiServer Api => server.Api;

    [Fact]
    public async Task Agent_wallets_and_per_venue_fields_deploy_together_and_the_response_lists_every_address()
    {
        var user = Wallets.Random();
        var triple = KeyTriple.Encrypt(Api.MasterKey, Wallets.PrivateKey, "ostium", user, Wallets.OstiumAgent);
        var body = $$"""
            {"agent_id": "{{server.AgentId}}", "user_wallet": "{{user}}", "hyperliquid_agent_address": "{{Wallets.HyperliquidAgent}}",
             "agent_wallets": {"ostium": {"address": "{{Wallets.OstiumAgent}}", "key_encrypted": "{{triple["ostium_agent_key_encrypted"]}}",
               "key_iv": "{{triple["ostium_agent_key_iv"]}}", "key_tag": "{{triple["ostium_agent_key_tag"]}}", "key_id": "{{triple["ostium_agent_key_id"]}}"},
               "GMX": {"address": "{{Wallets.Creator}}"} } }
            """;

        var response = await Api.PostAsync(Deploy, body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var deployment = response.Json.GetProperty("deployment");
        Assert.Equal(Wallets.HyperliquidAgent, deployment.GetProperty("hyperliquid_agent_address").GetString());
        Assert.Equal(Wallets.OstiumAgent, deployment.GetProperty("ostium_agent_address").GetString());
        var wallets = deployment.GetProperty("agent_wallets");
        Assert.Equal(["GMX", "HYPERLIQUID", "OSTIUM"], wallets.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Wallets.OstiumAgent, wallets.GetProperty("OSTIUM").GetProperty("address").GetString());
        Assert.Equal(Wallets.Creator, wallets.GetProperty("GMX").GetProperty("address").GetString());
        Assert.DoesNotContain(triple["ostium_agent_key_encrypted"], response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_original_per_venue_fields_alone_still_deploy()
    {
        var user = Wallets.Random();
        var triple = KeyTriple.Encrypt(Api.MasterKey, Wallets.PrivateKey, "hyperliquid", user, Wallets.HyperliquidAgent);
        var body = $$"""
            {"agent_id": "{{server.AgentId}}", "user_wallet": "{{user}}", "hyperliquid_agent_address": "{{Wallets.HyperliquidAgent}}",
             "hyperliquid_agent_key_encrypted": "{{triple["hyperliquid_agent_key_encrypted"]}}", "hyperliquid_agent_key_iv": "{{triple["hyperliquid_agent_key_iv"]}}",
             "hyperliquid_agent_key_tag": "{{triple["hyperliquid_agent_key_tag"]}}", "hyperliquid_agent_key_id": "{{triple["hyperliquid_agent_key_id"]}}"}
            """;

        var response = await Api.PostAsync(Deploy, body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var wallets = response.Json.GetProperty("deployment").GetProperty("agent_wallets");
        Assert.Equal(Wallets.HyperliquidAgent, wallets.GetProperty("HYPERLIQUID").GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("""{"NOT_A_VENUE_HERE": {"address": "0x4444444444444444444444444444444444444444"}}""", "agent_wallets.NOT_A_VENUE_HERE")]
    [InlineData("""{"HYPERLIQUID": {"address": "0x4444444444444444444444444444444444444444"}}""", "agent_wallets.HYPERLIQUID")]
    [InlineData("""{"multi": {"address": "0x4444444444444444444444444444444444444444"}}""", "agent_wallets.multi")]
    [InlineData("""{"GMX": {}}""", "agent_wallets.GMX.address")]
    [InlineData("""{"GMX": null}""", "agent_wallets.GMX")]
    [InlineData("""{"GMX": {"address": "0x4444444444444444444444444444444444444444", "key_encrypted": "AAAA", "key_iv": "AAAA"}}""", "agent_wallets.GMX.key_tag")]
    public async Task Bad_agent_wallets_are_refused_naming_the_field(string agentWallets, string field)
    {
        // The HYPERLIQUID case also gives the per-venue field: the same venue twice is refused.
        var body = $$"""
            {"agent_id": "{{server.AgentId}}", "user_wallet": "{{Wallets.Random()}}", "hyperliquid_agent_address": "{{Wallets.HyperliquidAgent}}", "agent_wallets": {{agentWallets}}}
            """;

        ErrorAssert.Is(await Api.PostAsync(Deploy, body), HttpStatusCode.BadRequest, field);
    }
}
