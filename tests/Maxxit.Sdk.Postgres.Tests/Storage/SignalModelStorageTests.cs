using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>
/// The typed size and risk models are mapped at the store's edge: <c>signals_v3</c> keeps the JSON the untyped models
/// wrote (so no migration), and rows written that way read back as typed models.
/// </summary>
public sealed class SignalModelStorageTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    public static TheoryData<string, string> StoredForms => new()
    {
        { "trailing", """{"type": "trailing-stop", "stop": 0.03, "stop_loss": null, "take_profit": null}""" },
        { "trailing+tp+sl", """{"type": "trailing-stop", "stop": 0.02, "stop_loss": 0.05, "take_profit": 0.2}""" },
        { "stop-loss+tp", """{"type": "stop-loss", "stop": 0.05, "stop_loss": null, "take_profit": 0.1}""" },
        { "take-profit+sl", """{"type": "take-profit", "stop": 0.1, "stop_loss": 0.04, "take_profit": 0.1}""" },
    };

    [Theory]
    [MemberData(nameof(StoredForms))]
    public async Task Risk_models_are_stored_in_the_original_json_shape(string name, string json)
    {
        var (store, schema) = await FreshSchema.CreateAsync(database.DataSource, "models");
        var risk = name switch
        {
            "trailing" => RiskModel.Trailing(0.03m),
            "trailing+tp+sl" => new RiskModel.TrailingStop(0.02m, TakeProfit: 0.2m, StopLoss: 0.05m),
            "stop-loss+tp" => new RiskModel.StopLoss(0.05m, TakeProfit: 0.1m),
            _ => new RiskModel.TakeProfit(0.1m, StopLoss: 0.04m),
        };
        var signal = await CreateAsync(store, risk);

        // jsonb normalises key order and spacing, so compare as jsonb in the database.
        Assert.True(await Db.ScalarAsync<bool>(database.DataSource, $"SELECT risk_model = $2::jsonb FROM {schema}.signals_v3 WHERE id = $1", signal.Id, json));
        Assert.True(await Db.ScalarAsync<bool>(database.DataSource, $"SELECT size_model = '{{\"type\": \"percentage\", \"value\": 25}}'::jsonb FROM {schema}.signals_v3 WHERE id = $1", signal.Id));
    }

    public static TheoryData<string, RiskModel> LegacyRows => new()
    {
        // As the untyped models wrote them, including what they accepted but ignored.
        { """{"type": "trailing-stop", "stop": 0.03, "take_profit": 0.2, "stop_loss": null}""", new RiskModel.TrailingStop(0.03m, TakeProfit: 0.2m) },
        { """{"type": "Stop-Loss", "stop": 0.05, "take_profit": null, "stop_loss": 0.09}""", new RiskModel.StopLoss(0.05m) },
        { """{"type": "take-profit", "stop": 0.1, "take_profit": 0.3, "stop_loss": null}""", new RiskModel.TakeProfit(0.3m) },
        { """{"type": "take-profit", "stop": 0.15, "take_profit": null, "stop_loss": 0.05}""", new RiskModel.TakeProfit(0.15m, StopLoss: 0.05m) },
    };

    [Theory]
    [MemberData(nameof(LegacyRows))]
    public async Task Rows_written_by_the_untyped_models_read_back_as_typed_models(string json, RiskModel expected)
    {
        var (store, schema) = await FreshSchema.CreateAsync(database.DataSource, "legacy");
        var signal = await CreateAsync(store, RiskModel.Trailing(0.01m));
        await Db.ExecAsync(database.DataSource, $"UPDATE {schema}.signals_v3 SET risk_model = $2::jsonb, size_model = '{{\"type\": \"PERCENTAGE\", \"value\": 7.5}}'::jsonb WHERE id = $1", signal.Id, json);

        var loaded = await store.GetSignalAsync(signal.Id, default);
        Assert.Equal(expected, loaded!.RiskModel);
        Assert.Equal(new SizeModel.Percentage(7.5m), loaded.SizeModel);
    }

    private static async Task<Signal> CreateAsync(IMaxxitStore store, RiskModel risk)
    {
        var agent = new Agents.Agent { Id = Guid.NewGuid(), CreatorWallet = "0x" + new string('1', 40), Name = "models", Weights = new Agents.AgentWeights(1m, 0m), CreatedAt = DateTimeOffset.UtcNow };
        await store.CreateAgentAsync(agent, default);
        var signal = new Signal
        {
            Id = Guid.NewGuid(), AgentId = agent.Id, TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(25m), RiskModel = risk,
            Confidence = 0.8m, CreatedAt = DateTimeOffset.UtcNow,
        };
        await store.CreateSignalAsync(signal, default);
        return signal;
    }
}
