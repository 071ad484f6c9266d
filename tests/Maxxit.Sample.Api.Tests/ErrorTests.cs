using System.Net;

namespace Maxxit.Sample.Api.Tests;

public sealed class ErrorTests(SharedServer server) : IClassFixture<SharedServer>
{
    private const string Create = "/api/v3/agents/create";
    private const string Deploy = "/api/v3/agents/deploy";
    private const string Generate = "/api/v3/signals/generate";
    private const string Execute = "/api/v3/execute/trade";

    private ApiServer Api => server.Api;

    public static TheoryData<string> PostPaths => new() { Create, Deploy, Generate, Execute };

    [Theory]
    [MemberData(nameof(PostPaths))]
    public async Task Malformed_empty_or_non_object_bodies_are_400_without_a_field(string path)
    {
        foreach (var body in new[] { "{bad", "", "[1, 2]", "null", "42", "\"text\"", "{\"a\":1}}", "{\"a\":1,}" })
        {
            ErrorAssert.Is(await Api.PostAsync(path, body), HttpStatusCode.BadRequest, null);
        }
    }

    [Theory]
    [InlineData("{}", "creator_wallet")]
    [InlineData("""{"creator_wallet": "0xYourWallet", "name": "A"}""", "creator_wallet")]
    [InlineData("""{"creator_wallet": 12, "name": "A"}""", "creator_wallet")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111"}""", "name")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "   "}""", "name")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "weights": {"x": 2, "research": 0}}""", "weights.x")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "weights": {"x": 0, "research": -1}}""", "weights.research")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "weights": {"x": 0, "research": 0}}""", "weights")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "weights": 5}""", "weights")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "weights": {"x": "one"}}""", "weights.x")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "status": "RUNNING"}""", "status")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "status": 1}""", "status")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "x_account_ids": [""]}""", "x_account_ids")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "x_account_ids": "123"}""", "x_account_ids")]
    [InlineData("""{"creator_wallet": "0x1111111111111111111111111111111111111111", "name": "A", "profit_receiver_address": "0xabc"}""", "profit_receiver_address")]
    public async Task Create_agent_rejects_bad_fields_by_name(string body, string field) =>
        ErrorAssert.Is(await Api.PostAsync(Create, body), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("?status=RUNNING", "status")]
    [InlineData("?status=1", "status")]
    [InlineData("?creator_wallet=0xYourWallet", "creator_wallet")]
    public async Task List_agents_rejects_bad_filters(string query, string field) =>
        ErrorAssert.Is(await Api.GetAsync("/api/v3/agents/list" + query), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Deploy_rejects_bad_fields_by_name()
    {
        var agent = server.AgentId;
        var wallet = Wallets.Random();
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"user_wallet": "{{wallet}}"}"""), HttpStatusCode.BadRequest, "agent_id");
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "your-agent-uuid", "user_wallet": "{{wallet}}"}"""), HttpStatusCode.BadRequest, "agent_id");
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "{{Guid.Empty}}", "user_wallet": "{{wallet}}"}"""), HttpStatusCode.BadRequest, "agent_id");
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "{{agent}}"}"""), HttpStatusCode.BadRequest, "user_wallet");
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "{{agent}}", "user_wallet": "0xYourWallet"}"""), HttpStatusCode.BadRequest, "user_wallet");
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "{{agent}}", "user_wallet": "{{wallet}}", "hyperliquid_agent_address": "0x..."}"""), HttpStatusCode.BadRequest, "hyperliquid_agent_address");
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "{{agent}}", "user_wallet": "{{wallet}}", "policy": {"max_leverage": 0} }"""), HttpStatusCode.BadRequest, "policy.max_leverage");
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "{{agent}}", "user_wallet": "{{wallet}}", "policy": {"allowed_side": "UP"} }"""), HttpStatusCode.BadRequest, "policy.allowed_side");
    }

    [Fact]
    public async Task Deploy_of_an_unknown_agent_is_404_and_a_second_deployment_to_the_same_wallet_is_409()
    {
        ErrorAssert.Is(await Api.PostAsync(Deploy, $$"""{"agent_id": "{{Guid.NewGuid()}}", "user_wallet": "{{Wallets.Random()}}"}"""), HttpStatusCode.NotFound, "agent_id");

        var wallet = Wallets.Random();
        var body = $$"""{"agent_id": "{{server.AgentId}}", "user_wallet": "{{wallet}}"}""";
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(Deploy, body)).Status);
        ErrorAssert.Is(await Api.PostAsync(Deploy, body), HttpStatusCode.Conflict, "user_wallet");
        ErrorAssert.Is(await Api.PostAsync(Deploy, body.Replace(wallet, "0x" + wallet[2..].ToUpperInvariant())), HttpStatusCode.Conflict, "user_wallet");
    }

    [Theory]
    [InlineData("hyperliquid")]
    [InlineData("ostium")]
    public async Task Deploy_refuses_key_triples_that_do_not_decrypt_under_the_host_master_key(string venue)
    {
        var prefix = venue + "_agent_";
        var address = venue == "ostium" ? Wallets.OstiumAgent : Wallets.HyperliquidAgent;
        var user = Wallets.Random();
        var foreign = KeyTriple.Encrypt(Convert.ToBase64String(new byte[32]), Wallets.PrivateKey, venue, user, address);
        var own = KeyTriple.Encrypt(Api.MasterKey, Wallets.PrivateKey, venue, user, address);
        var someoneElses = KeyTriple.Encrypt(Api.MasterKey, Wallets.PrivateKey, venue, Wallets.Random(), address);

        string Body(IReadOnlyDictionary<string, string> triple, params string[] omit)
        {
            var parts = triple.Where(kv => !omit.Contains(kv.Key)).Select(kv => $"\"{kv.Key}\": \"{kv.Value}\"");
            return $$"""{"agent_id": "{{server.AgentId}}", "user_wallet": "{{user}}", "{{prefix}}address": "{{address}}", {{string.Join(", ", parts)}}}""";
        }

        // Made under another master key, or under this one for another wallet: the same answer, which says nothing of decrypting.
        var undecryptable = await Api.PostAsync(Deploy, Body(foreign));
        var stolen = await Api.PostAsync(Deploy, Body(someoneElses));
        ErrorAssert.Is(undecryptable, HttpStatusCode.BadRequest, prefix + "key_encrypted");
        ErrorAssert.Is(stolen, HttpStatusCode.BadRequest, prefix + "key_encrypted");
        Assert.Equal(undecryptable.Body, stolen.Body);
        Assert.DoesNotContain("decrypt", stolen.Body, StringComparison.OrdinalIgnoreCase);
        ErrorAssert.Is(await Api.PostAsync(Deploy, Body(own, prefix + "key_tag")), HttpStatusCode.BadRequest, prefix + "key_tag");
        ErrorAssert.Is(await Api.PostAsync(Deploy, Body(own, prefix + "key_iv")), HttpStatusCode.BadRequest, prefix + "key_iv");
        ErrorAssert.Is(await Api.PostAsync(Deploy, Body(own, prefix + "key_encrypted")), HttpStatusCode.BadRequest, prefix + "key_encrypted");
        ErrorAssert.Is(await Api.PostAsync(Deploy, Body(own, prefix + "key_id")), HttpStatusCode.BadRequest, prefix + "key_id");
        ErrorAssert.Is(await Api.PostAsync(Deploy, Body(new Dictionary<string, string>(own) { [prefix + "key_iv"] = "not base64!" })), HttpStatusCode.BadRequest, prefix + "key_iv");
        ErrorAssert.Is(await Api.PostAsync(Deploy, Body(new Dictionary<string, string>(own) { [prefix + "key_tag"] = "AAAA" })), HttpStatusCode.BadRequest, prefix + "key_tag");
        var noAddress = $$"""{"agent_id": "{{server.AgentId}}", "user_wallet": "{{user}}", {{string.Join(", ", own.Select(kv => $"\"{kv.Key}\": \"{kv.Value}\""))}}}""";
        ErrorAssert.Is(await Api.PostAsync(Deploy, noAddress), HttpStatusCode.BadRequest, prefix + "address");

        // The same triple under the host's own key is accepted, and nothing of it comes back.
        var accepted = await Api.PostAsync(Deploy, Body(own));
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
        Assert.Equal(address, accepted.Json.GetProperty("deployment").GetProperty($"{prefix}address").GetString());
        QuickStart.NoKeyMaterial(Api, own.Values.Concat(foreign.Values).Concat(someoneElses.Values).Where(v => v.Length > 20));
    }

    [Theory]
    [InlineData("""{"token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "agent_id")]
    [InlineData("""{"agent_id": "your-agent-uuid", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "agent_id")]
    [InlineData("""{"agent_id": "AGENT", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "token_symbol")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ET H!", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "token_symbol")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "UP", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "side")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "size_model")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 0}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "size_model.value")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 150}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "size_model.value")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage"}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "size_model.value")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "fixed", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.85}""", "size_model.type")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "confidence": 0.85}""", "risk_model")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 1.5}, "confidence": 0.85}""", "risk_model.stop")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "moon", "stop": 0.03}, "confidence": 0.85}""", "risk_model.type")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}}""", "confidence")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 1.5}""", "confidence")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": "high"}""", "confidence")]
    [InlineData("""{"agent_id": "AGENT", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 25}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 1e400}""", "confidence")]
    public async Task Generate_signal_rejects_bad_fields_by_name(string body, string field) =>
        ErrorAssert.Is(await Api.PostAsync(Generate, body.Replace("AGENT", server.AgentId.ToString())), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Generate_for_an_unknown_agent_is_404()
    {
        var body = await QuickStart.GenerateAsync(Api, Guid.NewGuid(), "ETH");
        ErrorAssert.Is(body, HttpStatusCode.NotFound, "agent_id");
    }

    [Fact]
    public async Task Execute_rejects_missing_malformed_and_unknown_signal_ids()
    {
        ErrorAssert.Is(await Api.PostAsync(Execute, "{}"), HttpStatusCode.BadRequest, "signal_id");
        ErrorAssert.Is(await Api.PostAsync(Execute, """{"signal_id": "your-signal-uuid"}"""), HttpStatusCode.BadRequest, "signal_id");
        ErrorAssert.Is(await Api.PostAsync(Execute, """{"signal_id": 7}"""), HttpStatusCode.BadRequest, "signal_id");
        ErrorAssert.Is(await Api.PostAsync(Execute, $$"""{"signal_id": "{{Guid.Empty}}"}"""), HttpStatusCode.BadRequest, "signal_id");
        ErrorAssert.Is(await QuickStart.ExecuteAsync(Api, Guid.NewGuid()), HttpStatusCode.NotFound, "signal_id");
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?selected_venue=BINANCE", "selected_venue")]
    [InlineData("?token_symbol=E$H", "token_symbol")]
    public async Task Routing_history_rejects_bad_filters(string query, string field) =>
        ErrorAssert.Is(await Api.GetAsync("/api/v3/stats/routing-history" + query), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("GET", Create, "POST")]
    [InlineData("PUT", Create, "POST")]
    [InlineData("GET", Deploy, "POST")]
    [InlineData("DELETE", Deploy, "POST")]
    [InlineData("GET", Generate, "POST")]
    [InlineData("GET", Execute, "POST")]
    [InlineData("POST", "/api/v3/agents/list", "GET")]
    [InlineData("POST", "/api/v3/stats/overview", "GET")]
    [InlineData("DELETE", "/api/v3/stats/routing-history", "GET")]
    [InlineData("POST", "/api/v3/deployments/00000000-0000-0000-0000-000000000001/policy", "PUT")]
    public async Task A_wrong_method_is_405_with_the_allowed_one(string method, string path, string allowed)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : "{}");
        ErrorAssert.Is(response, HttpStatusCode.MethodNotAllowed, null);
        Assert.Contains(allowed, response.Allow);
    }

    [Fact]
    public async Task An_unknown_route_is_404_in_the_error_shape() =>
        ErrorAssert.Is(await Api.GetAsync("/api/v3/agents/nope"), HttpStatusCode.NotFound, null);

    [Theory]
    [MemberData(nameof(PostPaths))]
    public async Task A_body_cut_off_inside_a_value_names_that_field(string path) =>
        ErrorAssert.Is(await Api.PostAsync(path, "{\"token_symbol\": "), HttpStatusCode.BadRequest, "token_symbol");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_json_is_415(string contentType)
    {
        var response = await Api.SendAsync(HttpMethod.Post, Execute, "{}", contentType);
        ErrorAssert.Is(response, HttpStatusCode.UnsupportedMediaType, null);
    }

    [Fact]
    public async Task An_oversized_body_is_413_in_the_error_shape()
    {
        var body = $$"""{"name": "{{new string('a', ApiHost.MaxRequestBodyBytes)}}"}""";
        ErrorAssert.Is(await Api.PostAsync(Create, body), HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task A_post_without_any_body_is_400()
    {
        using var response = await Api.Http.PostAsync(Execute, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("request body is required", await response.Content.ReadAsStringAsync());
    }
}
