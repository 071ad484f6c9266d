using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Maxxit.Sdk.Testing.Stats;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Counters;

/// <summary>
/// The stats contract against the Postgres store, plus what only Postgres has: the counters (migration 005) must equal
/// a full count over the rows, after the triggers kept them and after the migration's backfill built them.
/// </summary>
public sealed class PostgresStatsContractTests(PostgresDatabaseFixture database) : StatsContractTests, IClassFixture<PostgresDatabaseFixture>
{
    private string schema = null!;

    // What the counters must equal: the old full-table queries.
    private const string Truth = """
        SELECT 'agents', '', status, count(*)::bigint, 0::numeric FROM {0}.agents_v3 GROUP BY status
        UNION ALL SELECT 'deployments', '', '', count(*), 0 FROM {0}.agent_deployments_v3
        UNION ALL SELECT 'signals', '', '', count(*), 0 FROM {0}.signals_v3
        UNION ALL SELECT 'agent_signals', agent_id::text, '', count(*), 0 FROM {0}.signals_v3 GROUP BY agent_id
        UNION ALL SELECT 'positions', '', status, count(*), coalesce(sum(pnl), 0) FROM {0}.positions_v3 GROUP BY status
        UNION ALL SELECT 'agent_positions', d.agent_id::text, p.status, count(*), coalesce(sum(p.pnl), 0)
            FROM {0}.positions_v3 p JOIN {0}.agent_deployments_v3 d ON d.id = p.deployment_id GROUP BY d.agent_id, p.status
        UNION ALL SELECT 'agent_pnl_day', d.agent_id::text, to_char(coalesce(p.closed_at, p.opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*), coalesce(sum(p.pnl), 0)
            FROM {0}.positions_v3 p JOIN {0}.agent_deployments_v3 d ON d.id = p.deployment_id WHERE p.status = 'CLOSED' GROUP BY 2, 3
        UNION ALL SELECT 'routing', '', coalesce(selected_venue::text, ''), count(*), coalesce(sum(routing_duration_ms)::numeric, 0) FROM {0}.venue_routing_history_v3 GROUP BY selected_venue
        UNION ALL SELECT 'routing_token', token_symbol, coalesce(selected_venue::text, ''), count(*), coalesce(sum(routing_duration_ms)::numeric, 0) FROM {0}.venue_routing_history_v3 GROUP BY token_symbol, selected_venue
        UNION ALL SELECT 'policy_rejected', '', coalesce(rejected_by, 'unknown'), count(*), 0 FROM {0}.policy_decisions_v3 WHERE outcome = 'REJECTED' GROUP BY 3
        """;

    private const string FromCounters = """
        SELECT metric, scope, key, sum(n)::bigint, sum(amount) FROM {0}.stats_counters_v3
        GROUP BY metric, scope, key HAVING sum(n) <> 0 OR sum(amount) <> 0
        """;

    [Fact]
    public async Task Counters_equal_a_full_count_of_the_rows()
    {
        await Scenario.RunAsync(Store);
        await AssertCountersMatchRowsAsync();

        // Statements over many rows at once (as a bulk fix-up by an operator would be) keep them right too.
        await ExecAsync($"UPDATE \"{schema}\".positions_v3 SET status = 'CANCELLED' WHERE status = 'RESERVED'");
        await ExecAsync($"UPDATE \"{schema}\".positions_v3 SET pnl = pnl + 1, closed_at = closed_at + interval '1 day' WHERE status = 'CLOSED'");
        await ExecAsync($"UPDATE \"{schema}\".agents_v3 SET status = 'ACTIVE'");
        await AssertCountersMatchRowsAsync();

        // Deleting rows takes their counts back.
        await ExecAsync($"DELETE FROM \"{schema}\".policy_decisions_v3; DELETE FROM \"{schema}\".venue_routing_history_v3 WHERE selected_venue IS NULL");
        await AssertCountersMatchRowsAsync();
    }

    [Fact]
    public async Task A_trailing_stop_update_writes_no_counter()
    {
        await Scenario.RunAsync(Store);
        var before = await ReadAsync($"SELECT metric, scope || '/' || key || '/' || shard, xmin::text::bigint, n::numeric FROM \"{schema}\".stats_counters_v3");
        await ExecAsync($"UPDATE \"{schema}\".positions_v3 SET trailing_params = jsonb_build_object('retrace', 0.05, 'best_price', 3100), lease_expires_at = now() WHERE status = 'OPEN'");
        Assert.Equal(before, await ReadAsync($"SELECT metric, scope || '/' || key || '/' || shard, xmin::text::bigint, n::numeric FROM \"{schema}\".stats_counters_v3"));
    }

    [Fact]
    public async Task The_migration_backfills_counters_from_rows_written_before_it()
    {
        await Scenario.RunAsync(Store);

        // Undo migration 005 (its functions take their triggers with them), then apply it again over the same rows.
        await ExecAsync($"""
            DROP TABLE "{schema}".stats_counters_v3;
            DROP FUNCTION "{schema}".stats_agents_v3, "{schema}".stats_deployments_v3, "{schema}".stats_signals_v3, "{schema}".stats_positions_v3,
                "{schema}".stats_routing_v3, "{schema}".stats_policies_v3, "{schema}".stats_truncate_v3 CASCADE;
            DELETE FROM "{schema}".maxxit_schema_migrations WHERE version = 5;
            """);
        var result = await new PostgresMigrator(database.DataSource, schema).MigrateAsync();
        Assert.Equal([5], result.Applied);
        await AssertCountersMatchRowsAsync();

        var again = await Scenario.RunAsync(Store);
        await AssertCountersMatchRowsAsync();
        var stats = await Store.GetAgentStatsAsync([again.Active], DateOnly.MinValue, Ct);
        Assert.Equal(8.25m, stats[0].RealizedPnl);
    }

    [Fact]
    public async Task Migration_008_applies_over_rows_written_at_007_and_the_counters_stay_exact()
    {
        // Rows written by a store on a schema at 007 (the counter triggers of 005, 16 shards).
        schema = "stats_" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal([1, 2, 3, 4, 5, 7], (await new PostgresMigrator(database.DataSource, schema).MigrateUpToAsync(7, Ct)).Applied);
        var store = new PostgresStore(database.DataSource, new PostgresStoreOptions { Schema = schema, ApplyMigrations = false });
        await Scenario.RunAsync(store);
        await AssertCountersMatchRowsAsync();

        var result = await new PostgresMigrator(database.DataSource, schema).MigrateAsync();

        Assert.Equal([8], result.Applied);
        await AssertCountersMatchRowsAsync();
        Assert.Equal(
            ["positions_v3:fillfactor=80", "signals_v3:fillfactor=90", "stats_counters_v3:fillfactor=50"],
            (await ReadTextAsync($"SELECT c.relname || ':' || array_to_string(c.reloptions, ',') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}' AND c.reloptions IS NOT NULL ORDER BY 1")));
        Assert.Empty(await ReadTextAsync($"SELECT indexname FROM pg_indexes WHERE schemaname = '{schema}' AND indexname = 'policy_decisions_v3_rejected_idx'"));

        // Written after 008 (64 shards) on top of the old shards: the sums still equal the rows.
        var again = await Scenario.RunAsync(store);
        await AssertCountersMatchRowsAsync();
        Assert.Equal(
            ["stats_agents_v3", "stats_deployments_v3", "stats_policies_v3", "stats_positions_v3", "stats_routing_v3", "stats_signals_v3"],
            await ReadTextAsync($"SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = '{schema}' AND p.prosrc LIKE '%pg_backend_pid() % 64%' AND p.prosrc NOT LIKE '%pg_backend_pid() % 16%' ORDER BY 1"));
        var stats = await store.GetAgentStatsAsync([again.Active], DateOnly.MinValue, Ct);
        Assert.Equal(8.25m, stats[0].RealizedPnl);
    }

    protected override async Task<IMaxxitStore> CreateStoreAsync()
    {
        schema = "stats_" + Guid.NewGuid().ToString("N")[..12];
        var store = new PostgresStore(database.DataSource, new PostgresStoreOptions { Schema = schema });
        await store.MigrateAsync();
        return store;
    }

    private async Task AssertCountersMatchRowsAsync()
    {
        var truth = await ReadAsync(string.Format(Truth, $"\"{schema}\""));
        var counters = await ReadAsync(string.Format(FromCounters, $"\"{schema}\""));
        Assert.Equal(truth.Where(r => r.N != 0).OrderBy(r => r.Metric).ThenBy(r => r.Key, StringComparer.Ordinal), counters.OrderBy(r => r.Metric).ThenBy(r => r.Key, StringComparer.Ordinal));
    }

    private async Task<List<(string Metric, string Key, long N, decimal Amount)>> ReadAsync(string sql)
    {
        // Scope and key are read as one "scope/key" string.
        var rows = new List<(string, string, long, decimal)>();
        await using var cmd = database.DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var key = r.FieldCount == 5 ? r.GetString(1) + "/" + r.GetString(2) : r.GetString(1);
            var rest = r.FieldCount - 2;
            rows.Add((r.GetString(0), key, r.GetInt64(rest), Math.Round(r.GetDecimal(rest + 1), 6)));
        }

        return rows;
    }

    private async Task<List<string>> ReadTextAsync(string sql)
    {
        var rows = new List<string>();
        await using var cmd = database.DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(r.GetString(0));
        }

        return rows;
    }

    private async Task ExecAsync(string sql)
    {
        await using var cmd = database.DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
