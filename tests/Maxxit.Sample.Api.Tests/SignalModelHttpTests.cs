using System.Net;
using System.Reflection;
using System.Text.Json;
using Maxxit.Sample.Api.Http;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Tests;

/// <summary>
/// The SDK speaks typed models and C# member paths; this API keeps the original wire shape (<c>side: "LONG"</c>,
/// <c>risk_model: {type, stop, take_profit?, stop_loss?}</c>) and names bad fields in snake_case.
/// </summary>
public sealed class SignalModelHttpTests(SharedServer server) : IClassFixture<SharedServer>
{
    private const string Generate = "/api/v3/signals/generate";

    private ApiServer Api => server.Api;

    [Theory]
    [InlineData("""{"type": "trailing-stop", "stop": 0.03, "take_profit": 50}""", "risk_model.take_profit", "must be in (0, 10]")]
    [InlineData("""{"type": "trailing-stop", "stop": 0.03, "stop_loss": 1.5}""", "risk_model.stop_loss", "must be in (0, 1)")]
    [InlineData("""{"type": "take-profit", "stop": 0.1, "take_profit": 0}""", "risk_model.take_profit", "must be in (0, 10]")]
    [InlineData("""{"type": "take-profit", "take_profit": 0.2, "stop_loss": 0}""", "risk_model.stop_loss", "must be in (0, 1)")]
    [InlineData("""{"type": "stop-loss", "stop": 1}""", "risk_model.stop", "must be in (0, 1)")]
    [InlineData("""{"type": "stop-loss"}""", "risk_model.stop", "is required")]
    [InlineData("""{"stop": 0.03}""", "risk_model.type", "is required (trailing-stop, stop-loss or take-profit)")]
    public async Task A_bad_risk_field_comes_back_under_its_snake_case_name(string riskModel, string field, string reason)
    {
        var response = await Api.PostAsync(Generate, Body(riskModel: riskModel));
        ErrorAssert.Is(response, HttpStatusCode.BadRequest, field);
        Assert.Equal($"{field}: {reason}", response.Json.GetProperty("error").GetString());
        Assert.DoesNotContain("Request.", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Form.", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"value": 5}""", "size_model.type")]
    [InlineData("""{"type": "PERCENTAGE", "value": 100.5}""", "size_model.value")]
    public async Task A_bad_size_field_comes_back_under_its_snake_case_name(string sizeModel, string field) =>
        ErrorAssert.Is(await Api.PostAsync(Generate, Body(sizeModel: sizeModel)), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("""{"type": "trailing-stop", "stop": 0.03, "take_profit": 0.2, "stop_loss": 0.05}""", "trailing-stop", 0.03, 0.2, 0.05)]
    [InlineData("""{"type": "Stop-Loss", "stop": 0.05, "take_profit": 0.1}""", "stop-loss", 0.05, 0.1, null)]
    [InlineData("""{"type": "take-profit", "stop": 0.1, "take_profit": 0.25, "stop_loss": 0.04}""", "take-profit", 0.25, 0.25, 0.04)]
    public async Task Every_risk_model_answers_in_the_original_shape(string riskModel, string type, double stop, double? takeProfit, double? stopLoss)
    {
        var response = await Api.PostAsync(Generate, Body(riskModel: riskModel, side: "short"));
        Assert.Equal(HttpStatusCode.Created, response.Status);
        var signal = response.Json.GetProperty("signal");
        Assert.Equal("SHORT", signal.GetProperty("side").GetString());
        var risk = signal.GetProperty("risk_model");
        Assert.Equal(type, risk.GetProperty("type").GetString());
        Assert.Equal((decimal)stop, risk.GetProperty("stop").GetDecimal());
        Assert.Equal(takeProfit is null ? null : (decimal)takeProfit, Nullable(risk.GetProperty("take_profit")));
        Assert.Equal(stopLoss is null ? null : (decimal)stopLoss, Nullable(risk.GetProperty("stop_loss")));
        Assert.Equal("percentage", signal.GetProperty("size_model").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_take_profit_model_sets_the_positions_levels()
    {
        var generated = await Api.PostAsync(Generate, Body(riskModel: """{"type": "take-profit", "stop": 0.2, "take_profit": 0.2, "stop_loss": 0.05}""", token: "SOL"));
        Assert.Equal(HttpStatusCode.Created, generated.Status);
        var executed = await QuickStart.ExecuteAsync(Api, generated.Json.GetProperty("signal").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, executed.Status);
        var position = executed.Json.GetProperty("position");
        var entry = position.GetProperty("entry_price").GetDecimal();
        Assert.Equal(entry * 1.2m, position.GetProperty("take_profit").GetDecimal());
        Assert.Equal(entry * 0.95m, position.GetProperty("stop_loss").GetDecimal());
    }

    /// <summary>Every member of the request types a validator can name has a snake_case field in the one mapping table.</summary>
    [Fact]
    public void Every_request_member_has_an_api_field_name()
    {
        var members = Members<GenerateSignalRequest>()
            .Concat(Members<CreateAgentRequest>())
            .Concat(Members<DeployAgentRequest>().Where(m => !m.EndsWith(".AgentWallets", StringComparison.Ordinal) && !m.EndsWith(".Policy", StringComparison.Ordinal)))
            .Concat(Members<RiskModelForm>())
            .Concat(Members<SizeModelForm>())
            .Concat(["GenerateSignalRequest.RiskModel.Stop", "GenerateSignalRequest.RiskModel.TakeProfit", "GenerateSignalRequest.RiskModel.StopLoss", "GenerateSignalRequest.RiskModel.Target", "GenerateSignalRequest.SizeModel.Value"]);
        foreach (var member in members)
        {
            var field = ApiFieldNames.Of(member);
            Assert.True(field != member && field!.All(c => char.IsAsciiLetterLower(c) || c is '_' or '.'), $"{member} -> {field}");
        }

        Assert.Equal("ostium_agent_key_tag", ApiFieldNames.Of("DeployAgentRequest.AgentWallets[OSTIUM].EncryptedKey.Tag"));
        Assert.Equal("hyperliquid_agent_address", ApiFieldNames.Of("DeployAgentRequest.AgentWallets[HYPERLIQUID].Address"));
        Assert.Equal("agent_id", ApiFieldNames.Of("agent_id"));
        Assert.Null(ApiFieldNames.Of(null));
    }

    private static IEnumerable<string> Members<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").Select(p => $"{typeof(T).Name}.{p.Name}");

    private static decimal? Nullable(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDecimal();

    private string Body(
        string riskModel = """{"type": "trailing-stop", "stop": 0.03}""", string sizeModel = """{"type": "percentage", "value": 10}""", string side = "LONG", string token = "ETH") =>
        $$"""{"agent_id": "{{server.AgentId}}", "token_symbol": "{{token}}", "side": "{{side}}", "size_model": {{sizeModel}}, "risk_model": {{riskModel}}, "confidence": 0.8}""";
}
