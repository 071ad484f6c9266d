using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Maxxit.Sample.Api.Tests;

/// <summary>
/// Random JSON (and broken JSON) to every POST/PUT endpoint: the answer is never a 5xx, always the API's JSON shape,
/// and an error never shows internals. Field names are the real ones, so many bodies get deep into validation.
/// </summary>
public sealed class FuzzTests(SharedServer server) : IClassFixture<SharedServer>
{
    private static readonly string[] FieldNames =
    [
        "creator_wallet", "name", "x_account_ids", "research_institute_ids", "weights", "x", "research", "profit_receiver_address", "status",
        "agent_id", "user_wallet", "hyperliquid_agent_address", "hyperliquid_agent_key_encrypted", "hyperliquid_agent_key_iv",
        "hyperliquid_agent_key_tag", "ostium_agent_address", "ostium_agent_key_encrypted", "ostium_agent_key_iv", "ostium_agent_key_tag", "hyperliquid_agent_key_id", "ostium_agent_key_id", "policy",
        "token_symbol", "side", "size_model", "type", "value", "risk_model", "stop", "take_profit", "stop_loss", "confidence", "reasoning",
        "source_tweets", "source_research", "signal_id", "min_confidence", "allowed_side", "allowed_tokens", "denied_tokens", "risk_preference",
        "size_multiplier", "max_trade_size_percent", "min_order_value_usd", "max_leverage", "max_open_positions", "max_token_exposure_percent",
        "max_total_exposure_percent", "cooldown_per_token", "daily_trade_cap", "trading_hours_start_utc", "trading_hours_end_utc",
        "trading_days", "preferred_venues", "excluded_venues", "unknown", "",
    ];

    private ApiServer Api => server.Api;

    [Property(MaxTest = 150)]
    public Property Create_agent_never_answers_5xx() => NeverFails(HttpMethod.Post, "/api/v3/agents/create");

    [Property(MaxTest = 150)]
    public Property Deploy_never_answers_5xx() => NeverFails(HttpMethod.Post, "/api/v3/agents/deploy");

    [Property(MaxTest = 150)]
    public Property Generate_signal_never_answers_5xx() => NeverFails(HttpMethod.Post, "/api/v3/signals/generate");

    [Property(MaxTest = 150)]
    public Property Execute_never_answers_5xx() => NeverFails(HttpMethod.Post, "/api/v3/execute/trade");

    [Property(MaxTest = 150)]
    public Property Put_policy_never_answers_5xx() => NeverFails(HttpMethod.Put, $"/api/v3/deployments/{server.DeploymentId}/policy");

    private Property NeverFails(HttpMethod method, string path) =>
        Prop.ForAll(Bodies().ToArbitrary(), body =>
        {
            var response = Api.SendAsync(method, path, body).GetAwaiter().GetResult();
            var status = (int)response.Status;
            if (status >= 500 || response.MediaType != "application/json")
            {
                return false.Label($"{method} {path} {body} -> {response}");
            }

            var json = JsonDocument.Parse(response.Body).RootElement;
            var success = json.GetProperty("success").GetBoolean();
            var shapeOk = status >= 400
                ? !success && json.GetProperty("error").ValueKind == JsonValueKind.String && json.TryGetProperty("field", out _)
                : status is 200 or 201;
            var noInternals = !response.Body.Contains("Exception", StringComparison.Ordinal) && !response.Body.Contains("   at ", StringComparison.Ordinal);
            return (shapeOk && noInternals).Label($"{method} {path} {body} -> {response}");
        });

    private Gen<string> Bodies() => Gen.Frequency(
        (6, JsonObject(3)),
        (2, Value(3)),
        (2, JsonObject(3).SelectMany(text => Gen.Choose(0, Math.Max(0, text.Length - 1)).Select(cut => text[..cut]))),
        (1, Gen.Elements("", " ", "{", "}", "[", "{\"a\":}", "{'a': 1}", "{\"x\": 1,}", "\u0000", "{\"a\": \"\\ud800\"}", "nul", "{\"a\": 01}")));

    private Gen<string> JsonObject(int depth) =>
        Gen.Choose(0, 8).SelectMany(n => Member(depth).ListOf(n)).Select(members => "{" + string.Join(",", members) + "}");

    private Gen<string> Member(int depth) =>
        Gen.Elements(FieldNames).SelectMany(name => Value(depth - 1).Select(value => $"{Quote(name)}:{value}"));

    private Gen<string> Value(int depth)
    {
        var scalars = Gen.OneOf(
            Gen.Constant("null"),
            Gen.Elements("true", "false"),
            Gen.Choose(-1000, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Elements("0", "-0", "0.85", "0.03", "25", "100", "100.0001", "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "2147483648", "1.5", "NaN"),
            Gen.Elements(
                "\"\"", "\"ETH\"", "\"XAU\"", "\"XYZ\"", "\"LONG\"", "\"SHORT\"", "\"HYPERLIQUID\"", "\"OSTIUM\"", "\"MULTI\"", "\"percentage\"",
                "\"trailing-stop\"", "\"00:30:00\"", "\"MONDAY\"", "\"CONSERVATIVE\"", "\"ACTIVE\"", "\"0x...\"", "\"AAAA\"", "\"not base64!\"",
                $"\"{Wallets.Random()}\"", $"\"{server.AgentId}\"", $"\"{server.SignalId}\"", $"\"{Guid.NewGuid()}\"", $"\"{Guid.Empty}\""),
            ArbMap.Default.GeneratorFor<string>().Select(s => JsonSerializer.Serialize(s ?? string.Empty)));
        if (depth <= 0)
        {
            return scalars;
        }

        return Gen.Frequency(
            (6, scalars),
            (2, JsonObject(depth - 1)),
            (2, Gen.Choose(0, 4).SelectMany(n => Value(depth - 1).ListOf(n)).Select(items => "[" + string.Join(",", items) + "]")));
    }

    private static string Quote(string name) => JsonSerializer.Serialize(name);
}
