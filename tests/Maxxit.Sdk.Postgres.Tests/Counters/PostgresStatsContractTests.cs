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
        SELECT 'agents', status, count(*)::bigint, 0::numeric FROM {0}.agents_v3 GROUP BY status
        UNION ALL SELECT 'deployments', '', count(*), 0 FROM {0}.agent_deployments_v3
        UNION ALL SELECT 'signals', '', count(*), 0 FROM {0}.signals_v3
        UNION ALL SELECT 'positions', status, count(*), coalesce(sum(pnl), 0) FROM {0}.positions_v3 GROUP BY status
        UNION ALL SELECT 'routing', coalesce(selected_venue::text, ''), count(*), coalesce(sum(routing_duration_ms)::numeric, 0) FROM {0}.venue_routing_history_v3 GROUP BY selected_venue
        UNION ALL SELECT 'policy_rejected', coalesce(rejected_by, 'unknown'), count(*), 0 FROM {0}.policy_decisions_v3 WHERE outcome = 'REJECTED' GROUP BY 2
        """;

    private const string FromCounters = """
        SELECT metric, key, sum(n)::bigint, sum(amount) FROM {0}.stats_counters_v3
        WHERE scope = '' AND metric IN ('agents', 'deployments', 'signals', 'positions', 'routing', 'policy_rejected')
        GROUP BY metric, key HAVING sum(n) <> 0
        """;

    [Fact]
    public async Task Counters_equal_a_full_count_of_the_rows()
    {
        await Scenario.RunAsync(Store);
        await AssertCountersMatchRowsAsync();

        // Deleting rows takes their counts back.
        await ExecAsync($"DELETE FROM \"{schema}\".policy_decisions_v3; DELETE FROM \"{schema}\".venue_routing_history_v3 WHERE selected_venue IS NULL");
        await AssertCountersMatchRowsAsync();
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
            DROP FUNCTION "{schema}".stats_position_v3, "{schema}".stats_bump_v3;
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
        Assert.Equal(truth.Where(r => r.N != 0).OrderBy(r => r.Metric).ThenBy(r => r.Key), counters.OrderBy(r => r.Metric).ThenBy(r => r.Key));
    }

    private async Task<List<(string Metric, string Key, long N, decimal Amount)>> ReadAsync(string sql)
    {
        var rows = new List<(string, string, long, decimal)>();
        await using var cmd = database.DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetString(0), r.GetString(1), r.GetInt64(2), Math.Round(r.GetDecimal(3), 6)));
        }

        return rows;
    }

    private async Task ExecAsync(string sql)
    {
        await using var cmd = database.DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
