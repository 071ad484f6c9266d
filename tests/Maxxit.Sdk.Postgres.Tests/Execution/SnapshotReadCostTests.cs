using System.Text.Json;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Testing.Postgres;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>
/// The execution snapshot is read with the plan the store runs it with after a few calls (the generic one), and no node
/// of that plan may touch more rows than the snapshot holds: its cost must not grow with the agent's history (an
/// earlier form read every signal of the agent on each call).
/// </summary>
public sealed class SnapshotReadCostTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Reading_a_snapshot_touches_only_its_signals_and_deployments_however_many_signals_the_agent_has()
    {
        var (store, schema) = await FreshSchema.CreateAsync(database.DataSource, "snapshot");
        var (agent, _) = await StoreRows.AgentAsync(store, 3);
        var signal = await StoreRows.SignalAsync(store, agent.Id);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        await ExecAsync(connection, $"""
            INSERT INTO "{schema}".signals_v3 (id, agent_id, token_symbol, side, size_model, risk_model, confidence, status, created_at)
            SELECT gen_random_uuid(), '{agent.Id}', 'ETH', 'LONG', jsonb_build_object(), jsonb_build_object(), 0.5, 'EXECUTED', now() - make_interval(secs => g)
            FROM generate_series(1, 3000) AS g;
            SET plan_cache_mode = force_generic_plan;
            """);
        var sql = new StoreSql(SchemaName.Parse(schema));
        await ExecAsync(connection, $"PREPARE signals_read(uuid[]) AS {sql.SnapshotSignals}; PREPARE deployments_read(uuid[], text) AS {sql.SnapshotDeployments};");

        var ids = $"'{{{signal.Id}}}'";
        Assert.Equal(1, await MaxRowsAsync(connection, $"EXECUTE signals_read({ids})"));
        Assert.Equal(3, await MaxRowsAsync(connection, $"EXECUTE deployments_read({ids}, 'ACTIVE')"));
        Assert.Equal(3, (await store.GetExecutionSnapshotAsync(signal.Id, CancellationToken.None))!.Deployments.Count);
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The most rows any node of the statement's plan produced, from <c>EXPLAIN (ANALYZE, FORMAT JSON)</c>.</summary>
    private static async Task<long> MaxRowsAsync(NpgsqlConnection connection, string statement)
    {
        await using var cmd = new NpgsqlCommand($"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", connection);
        using var plan = JsonDocument.Parse((string)(await cmd.ExecuteScalarAsync())!);
        return MaxRows(plan.RootElement[0].GetProperty("Plan"));
    }

    private static long MaxRows(JsonElement node)
    {
        var rows = (long)(node.GetProperty("Actual Rows").GetDouble() * Math.Max(1, node.GetProperty("Actual Loops").GetDouble()));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                rows = Math.Max(rows, MaxRows(child));
            }
        }

        return rows;
    }
}
