using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Maxxit.Sample.Api.Tests;

/// <summary>
/// The original's quick start, in order, against a fresh server: create, list, deploy, generate ETH LONG 25 % with a
/// 3 % trailing stop at confidence 0.85, execute (HYPERLIQUID), overview, routing history; then XAU (OSTIUM) and XYZ
/// (no venue). Shared by the in-memory and the Postgres runs.
/// </summary>
public static class QuickStart
{
    public const string NoVenueReason = "No venue available for XYZ. Checked: HYPERLIQUID, OSTIUM";

    public static async Task RunAsync(ApiServer api)
    {
        // 2. Create first V3 agent
        var created = await api.PostAsync("/api/v3/agents/create", $$"""
            {
              "creator_wallet": "{{Wallets.Creator}}",
              "name": "Alpha Hunter V3",
              "x_account_ids": ["123456789"],
              "research_institute_ids": [],
              "weights": {"x": 1.0, "research": 0},
              "profit_receiver_address": "{{Wallets.Creator}}"
            }
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("application/json", created.MediaType);
        Assert.True(created.Json.GetProperty("success").GetBoolean());
        var agent = created.Json.GetProperty("agent");
        var agentId = agent.GetProperty("id").GetGuid();
        Assert.Equal(Wallets.Creator, agent.GetProperty("creator_wallet").GetString());
        Assert.Equal("Alpha Hunter V3", agent.GetProperty("name").GetString());
        Assert.Equal("MULTI", agent.GetProperty("venue").GetString());
        Assert.Equal("ACTIVE", agent.GetProperty("status").GetString());
        Assert.Equal(["123456789"], agent.GetProperty("x_account_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, agent.GetProperty("research_institute_ids").GetArrayLength());
        Assert.Equal(1.0m, agent.GetProperty("weights").GetProperty("x").GetDecimal());
        Assert.Equal(0m, agent.GetProperty("weights").GetProperty("research").GetDecimal());
        Assert.Equal(Wallets.Creator, agent.GetProperty("profit_receiver_address").GetString());

        // List (the original's list endpoint, with and without its filters)
        var listed = await api.GetAsync("/api/v3/agents/list");
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.True(listed.Json.GetProperty("success").GetBoolean());
        Assert.Equal("V3", listed.Json.GetProperty("version").GetString());
        Assert.Equal(1, listed.Json.GetProperty("count").GetInt32());
        Assert.Equal(agentId, listed.Json.GetProperty("agents")[0].GetProperty("id").GetGuid());
        var byCreator = await api.GetAsync($"/api/v3/agents/list?creator_wallet={Wallets.Creator}&status=ACTIVE");
        Assert.Equal(1, byCreator.Json.GetProperty("count").GetInt32());
        var paused = await api.GetAsync("/api/v3/agents/list?status=PAUSED");
        Assert.Equal(0, paused.Json.GetProperty("count").GetInt32());
        Assert.Equal(0, paused.Json.GetProperty("agents").GetArrayLength());

        // 3. Deploy agent, with the Hyperliquid agent key as an encrypted triple made by encrypt-key
        var triple = KeyTriple.Encrypt(api.MasterKey, Wallets.PrivateKey, "hyperliquid", Wallets.User, Wallets.HyperliquidAgent);
        var deployBody = new JsonObject
        {
            ["agent_id"] = agentId.ToString(),
            ["user_wallet"] = Wallets.User,
            ["hyperliquid_agent_address"] = Wallets.HyperliquidAgent,
        };
        foreach (var (name, value) in triple)
        {
            deployBody[name] = value;
        }

        var deployed = await api.PostAsync("/api/v3/agents/deploy", deployBody.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, deployed.Status);
        Assert.True(deployed.Json.GetProperty("success").GetBoolean());
        var deployment = deployed.Json.GetProperty("deployment");
        var deploymentId = deployment.GetProperty("id").GetGuid();
        Assert.Equal(agentId, deployment.GetProperty("agent_id").GetGuid());
        Assert.Equal(Wallets.User, deployment.GetProperty("user_wallet").GetString());
        Assert.Equal("ACTIVE", deployment.GetProperty("status").GetString());
        Assert.Equal(Wallets.HyperliquidAgent, deployment.GetProperty("hyperliquid_agent_address").GetString());

        // 4. Generate test signal
        var eth = await GenerateAsync(api, agentId, "ETH");
        Assert.Equal(HttpStatusCode.Created, eth.Status);
        Assert.True(eth.Json.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(eth.Json.GetProperty("message").GetString()));
        var signal = eth.Json.GetProperty("signal");
        var ethSignalId = signal.GetProperty("id").GetGuid();
        Assert.Equal(agentId, signal.GetProperty("agent_id").GetGuid());
        Assert.Equal("ETH", signal.GetProperty("token_symbol").GetString());
        Assert.Equal("LONG", signal.GetProperty("side").GetString());
        Assert.Equal("MULTI", signal.GetProperty("requested_venue").GetString());
        Assert.Equal("PENDING", signal.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, signal.GetProperty("final_venue").ValueKind);
        Assert.Equal("percentage", signal.GetProperty("size_model").GetProperty("type").GetString());
        Assert.Equal(25m, signal.GetProperty("size_model").GetProperty("value").GetDecimal());
        Assert.Equal("trailing-stop", signal.GetProperty("risk_model").GetProperty("type").GetString());
        Assert.Equal(0.03m, signal.GetProperty("risk_model").GetProperty("stop").GetDecimal());
        Assert.Equal(0.85m, signal.GetProperty("confidence").GetDecimal());

        // 5. Execute trade (auto-routing): ETH is listed on Hyperliquid, first in priority
        var executed = await ExecuteAsync(api, ethSignalId);
        Assert.Equal(HttpStatusCode.OK, executed.Status);
        Assert.True(executed.Json.GetProperty("success").GetBoolean());
        Assert.Equal("Trade executed on HYPERLIQUID", executed.Json.GetProperty("message").GetString());
        Assert.Equal("EXECUTED", executed.Json.GetProperty("status").GetString());
        Assert.Equal("HYPERLIQUID", executed.Json.GetProperty("final_venue").GetString());
        var position = executed.Json.GetProperty("position");
        var ethPositionId = position.GetProperty("id").GetGuid();
        Assert.Equal("HYPERLIQUID", position.GetProperty("venue").GetString());
        Assert.Equal("ETH", position.GetProperty("token_symbol").GetString());
        Assert.Equal("LONG", position.GetProperty("side").GetString());
        Assert.Equal("OPEN", position.GetProperty("status").GetString());
        Assert.Equal(ethSignalId, position.GetProperty("signal_id").GetGuid());
        Assert.Equal(deploymentId, position.GetProperty("deployment_id").GetGuid());
        Assert.True(position.GetProperty("qty").GetDecimal() > 0m);
        Assert.True(position.GetProperty("entry_price").GetDecimal() > 0m);
        Assert.Equal(0.03m, position.GetProperty("trailing_params").GetProperty("retrace").GetDecimal());

        // Overview
        var overview = await api.GetAsync("/api/v3/stats/overview");
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.True(overview.Json.GetProperty("success").GetBoolean());
        Assert.Equal("V3", overview.Json.GetProperty("version").GetString());
        var stats = overview.Json.GetProperty("stats");
        Assert.Equal(1, stats.GetProperty("agents").GetInt32());
        Assert.Equal(1, stats.GetProperty("signals").GetInt32());
        Assert.Equal(1, stats.GetProperty("positions").GetInt32());
        Assert.Equal(1, stats.GetProperty("open_positions").GetInt32());
        var routing = stats.GetProperty("routing");
        Assert.Equal(1, routing.GetProperty("total").GetInt32());
        Assert.Equal(1, routing.GetProperty("hyperliquid").GetInt32());
        Assert.Equal(0, routing.GetProperty("ostium").GetInt32());
        Assert.True(routing.GetProperty("avg_duration_ms").GetDouble() >= 0);

        // 7. Check routing history
        var history = await api.GetAsync("/api/v3/stats/routing-history");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.True(history.Json.GetProperty("success").GetBoolean());
        var row = Assert.Single(history.Json.GetProperty("history").EnumerateArray());
        Assert.Equal(ethSignalId, row.GetProperty("signal_id").GetGuid());
        Assert.Equal("ETH", row.GetProperty("token_symbol").GetString());
        Assert.Equal("MULTI", row.GetProperty("requested_venue").GetString());
        Assert.Equal("HYPERLIQUID", row.GetProperty("selected_venue").GetString());
        Assert.Equal("HYPERLIQUID: pair available", row.GetProperty("routing_reason").GetString());
        Assert.Equal(["HYPERLIQUID"], row.GetProperty("checked_venues").EnumerateArray().Select(e => e.GetString()));
        Assert.True(row.GetProperty("venue_availability").GetProperty("HYPERLIQUID").GetBoolean());
        AssertSummary(history.Json.GetProperty("summary"), total: 1, hyperliquid: 1, ostium: 0, hyperliquidPct: 100m, ostiumPct: 0m);

        // Then an Ostium-only symbol: XAU (gold) is not a Hyperliquid perp
        var xau = await GenerateAsync(api, agentId, "XAU");
        var xauResult = await ExecuteAsync(api, xau.Json.GetProperty("signal").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, xauResult.Status);
        Assert.True(xauResult.Json.GetProperty("success").GetBoolean());
        Assert.Equal("OSTIUM", xauResult.Json.GetProperty("position").GetProperty("venue").GetString());
        Assert.Equal("XAU", xauResult.Json.GetProperty("position").GetProperty("token_symbol").GetString());
        Assert.Equal("OSTIUM", xauResult.Json.GetProperty("final_venue").GetString());

        // And a symbol no venue lists: processed (200) but success false with the router's reason, no position
        var xyz = await GenerateAsync(api, agentId, "XYZ");
        Assert.Equal(HttpStatusCode.Created, xyz.Status);
        var xyzResult = await ExecuteAsync(api, xyz.Json.GetProperty("signal").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, xyzResult.Status);
        Assert.False(xyzResult.Json.GetProperty("success").GetBoolean());
        Assert.Equal(NoVenueReason, xyzResult.Json.GetProperty("message").GetString());
        Assert.Equal("SKIPPED", xyzResult.Json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, xyzResult.Json.GetProperty("position").ValueKind);

        // Routing history filters and summary over all three decisions
        var all = await api.GetAsync("/api/v3/stats/routing-history");
        Assert.Equal(3, all.Json.GetProperty("history").GetArrayLength());
        AssertSummary(all.Json.GetProperty("summary"), total: 3, hyperliquid: 1, ostium: 1, hyperliquidPct: 33.3m, ostiumPct: 33.3m);
        var skipped = all.Json.GetProperty("history").EnumerateArray().Single(r => r.GetProperty("token_symbol").GetString() == "XYZ");
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("selected_venue").ValueKind);
        Assert.Equal(NoVenueReason, skipped.GetProperty("routing_reason").GetString());

        var onOstium = await api.GetAsync("/api/v3/stats/routing-history?selected_venue=OSTIUM");
        Assert.Equal("XAU", Assert.Single(onOstium.Json.GetProperty("history").EnumerateArray()).GetProperty("token_symbol").GetString());
        AssertSummary(onOstium.Json.GetProperty("summary"), total: 1, hyperliquid: 0, ostium: 1, hyperliquidPct: 0m, ostiumPct: 100m);
        var ethOnly = await api.GetAsync("/api/v3/stats/routing-history?token_symbol=eth");
        Assert.Equal("ETH", Assert.Single(ethOnly.Json.GetProperty("history").EnumerateArray()).GetProperty("token_symbol").GetString());
        var limited = await api.GetAsync("/api/v3/stats/routing-history?limit=1");
        Assert.Single(limited.Json.GetProperty("history").EnumerateArray());
        Assert.Equal(3, limited.Json.GetProperty("summary").GetProperty("total").GetInt32());

        var finalOverview = (await api.GetAsync("/api/v3/stats/overview")).Json.GetProperty("stats");
        Assert.Equal(3, finalOverview.GetProperty("signals").GetInt32());
        Assert.Equal(2, finalOverview.GetProperty("positions").GetInt32());
        Assert.Equal(3, finalOverview.GetProperty("routing").GetProperty("total").GetInt32());
        Assert.Equal(1, finalOverview.GetProperty("routing").GetProperty("ostium").GetInt32());

        // Executing the ETH signal again places nothing new: same position, flagged as already processed
        var again = await ExecuteAsync(api, ethSignalId);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.True(again.Json.GetProperty("success").GetBoolean());
        Assert.True(again.Json.GetProperty("already_processed").GetBoolean());
        Assert.Equal(ethPositionId, again.Json.GetProperty("position").GetProperty("id").GetGuid());

        // No answer ever carried the key material
        NoKeyMaterial(api, triple.Values);
    }

    /// <summary>
    /// No answer ever carries a ciphertext, iv or tag; successful answers do not even carry the key fields' names
    /// (an error may name the field it refuses, e.g. <c>hyperliquid_agent_key_tag</c>, but never its value).
    /// </summary>
    public static void NoKeyMaterial(ApiServer api, IEnumerable<string> secrets)
    {
        List<ApiResponse> responses;
        lock (api.Responses)
        {
            responses = [.. api.Responses];
        }

        Assert.Contains(responses, r => (int)r.Status < 300);
        foreach (var response in responses)
        {
            if ((int)response.Status < 300)
            {
                Assert.DoesNotContain("key_encrypted", response.Body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("key_iv", response.Body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("key_tag", response.Body, StringComparison.OrdinalIgnoreCase);
            }

            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, response.Body, StringComparison.Ordinal);

                // Answers escape '+' as \u002B, so compare the escaped form too.
                Assert.DoesNotContain(JsonSerializer.Serialize(secret).Trim('"'), response.Body, StringComparison.Ordinal);
            }
        }
    }

    public static Task<ApiResponse> GenerateAsync(ApiServer api, Guid agentId, string token) =>
        api.PostAsync("/api/v3/signals/generate", $$"""
            {
              "agent_id": "{{agentId}}",
              "token_symbol": "{{token}}",
              "side": "LONG",
              "size_model": {"type": "percentage", "value": 25},
              "risk_model": {"type": "trailing-stop", "stop": 0.03},
              "confidence": 0.85
            }
            """);

    public static Task<ApiResponse> ExecuteAsync(ApiServer api, Guid signalId) =>
        api.PostAsync("/api/v3/execute/trade", $$"""{"signal_id": "{{signalId}}"}""");

    private static void AssertSummary(JsonElement summary, int total, int hyperliquid, int ostium, decimal hyperliquidPct, decimal ostiumPct)
    {
        Assert.Equal(total, summary.GetProperty("total").GetInt32());
        Assert.Equal(hyperliquid, summary.GetProperty("hyperliquid").GetInt32());
        Assert.Equal(ostium, summary.GetProperty("ostium").GetInt32());
        Assert.Equal(hyperliquidPct, summary.GetProperty("hyperliquid_pct").GetDecimal());
        Assert.Equal(ostiumPct, summary.GetProperty("ostium_pct").GetDecimal());
    }
}
