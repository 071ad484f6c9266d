using Maxxit.Sdk.Testing.Postgres;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Migrations;

public sealed class PostgresMigratorTests
{
    private static readonly string[] V3Tables =
        ["agents_v3", "agent_deployments_v3", "signals_v3", "positions_v3", "venue_routing_config_v3", "venue_routing_history_v3"];

    /// <summary>Every table the migrations create: the six V3 tables, our four additions, and the migration history.</summary>
    private static readonly string[] OwnTables = [.. V3Tables, "policy_decisions_v3", "agent_source_cursors_v3", "stats_counters_v3", "agent_wallets_v3", PostgresMigrator.HistoryTable];

    [Fact]
    public async Task Fresh_database_gets_the_six_tables_the_enum_and_the_global_routing_config()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_fresh");
        await using var ds = db.CreateDataSource();

        var result = await new PostgresMigrator(ds).MigrateAsync();

        Assert.Equal(PostgresMigrator.Migrations.Select(m => m.Version), result.Applied);
        Assert.Equal(PostgresMigrator.Migrations[^1].Version, result.CurrentVersion);
        var tables = await Db.TablesAsync(ds);
        Assert.Equal(
            OwnTables.Select(t => "public." + t).Order(StringComparer.Ordinal),
            tables.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["MULTI", "HYPERLIQUID", "OSTIUM", "GMX", "SPOT"],
            await Db.ColumnAsync(ds, "SELECT unnest(enum_range(NULL::venue_v3_t))::text"));
        Assert.Equal(
            ["{HYPERLIQUID,OSTIUM}|FIRST_AVAILABLE|True"],
            await Db.ColumnAsync(ds, "SELECT venue_priority::text || '|' || routing_strategy || '|' || (CASE WHEN failover_enabled THEN 'True' ELSE 'False' END) FROM venue_routing_config_v3 WHERE agent_id IS NULL"));
    }

    [Fact]
    public async Task Second_run_applies_nothing_and_changes_nothing()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_twice");
        await using var ds = db.CreateDataSource();
        var migrator = new PostgresMigrator(ds);
        await migrator.MigrateAsync();
        var before = await SchemaFingerprintAsync(ds);

        var again = await migrator.MigrateAsync();

        Assert.Empty(again.Applied);
        Assert.Equal(before, await SchemaFingerprintAsync(ds));
        Assert.Equal(1L, await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM venue_routing_config_v3"));
        Assert.Equal(PostgresMigrator.Migrations.Select(m => m.Version).ToList(), await migrator.GetAppliedVersionsAsync());
    }

    [Fact]
    public async Task Eight_hosts_migrating_at_once_end_with_one_schema_and_no_error()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_race");
        // Separate data sources: eight independent hosts, not one pool.
        var sources = Enumerable.Range(0, 8).Select(_ => db.CreateDataSource()).ToList();
        try
        {
            using var start = new Barrier(8);
            var runs = sources.Select(ds => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await new PostgresMigrator(ds).MigrateAsync();
            })).ToList();

            var results = await Task.WhenAll(runs);

            var applied = results.SelectMany(r => r.Applied).ToList();
            Assert.Equal(PostgresMigrator.Migrations.Select(m => m.Version).Order(), applied.Order());
            Assert.All(results, r => Assert.Equal(PostgresMigrator.Migrations[^1].Version, r.CurrentVersion));
            var ds0 = sources[0];
            Assert.Equal((long)PostgresMigrator.Migrations.Count, await Db.ScalarAsync<long>(ds0, $"SELECT count(*) FROM {PostgresMigrator.HistoryTable}"));
            Assert.Equal(1L, await Db.ScalarAsync<long>(ds0, "SELECT count(*) FROM pg_type WHERE typname = 'venue_v3_t'"));
            Assert.Equal(1L, await Db.ScalarAsync<long>(ds0, "SELECT count(*) FROM venue_routing_config_v3 WHERE agent_id IS NULL"));
            Assert.Equal(OwnTables.Length, (await Db.TablesAsync(ds0)).Count);
        }
        finally
        {
            foreach (var ds in sources)
            {
                await ds.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Pre_existing_V2_tables_are_left_exactly_as_they_were()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_v2");
        await using var ds = db.CreateDataSource();
        await LegacyV2Schema.SeedAsync(ds);
        var before = await LegacyV2Schema.FingerprintAsync(ds);
        var counts = await Db.ColumnAsync(ds, "SELECT (SELECT count(*) FROM agents) || '/' || (SELECT count(*) FROM signals) || '/' || (SELECT count(*) FROM positions)");

        await new PostgresMigrator(ds).MigrateAsync();
        await new PostgresMigrator(ds).MigrateAsync();

        Assert.Equal(["10/628/181"], counts);
        Assert.Equal(before, await LegacyV2Schema.FingerprintAsync(ds));
        Assert.Contains("public.agents", await Db.TablesAsync(ds));
        Assert.Contains("public.agents_v3", await Db.TablesAsync(ds));
    }

    [Fact]
    public async Task Custom_schema_holds_every_object_and_public_stays_as_it_was()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_schema");
        await using var ds = db.CreateDataSource();
        await LegacyV2Schema.SeedAsync(ds);
        var before = await LegacyV2Schema.FingerprintAsync(ds);

        await new PostgresMigrator(ds, "maxxit_v3").MigrateAsync();

        var tables = await Db.TablesAsync(ds);
        Assert.All(OwnTables, t => Assert.Contains("maxxit_v3." + t, tables));
        Assert.DoesNotContain(tables, t => t.StartsWith("public.", StringComparison.Ordinal) && (t.EndsWith("_v3", StringComparison.Ordinal) || t.EndsWith(PostgresMigrator.HistoryTable, StringComparison.Ordinal)));
        Assert.Equal(["maxxit_v3"], await Db.ColumnAsync(ds, "SELECT n.nspname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'venue_v3_t'"));
        Assert.Equal(before, await LegacyV2Schema.FingerprintAsync(ds));
    }

    [Fact]
    public async Task An_edited_applied_migration_is_refused_with_its_version()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_sum");
        await using var ds = db.CreateDataSource();
        var migrator = new PostgresMigrator(ds);
        await migrator.MigrateAsync();
        await Db.ExecAsync(ds, $"UPDATE {PostgresMigrator.HistoryTable} SET checksum = 'tampered' WHERE version = 1");

        var ex = await Assert.ThrowsAsync<PostgresMigrationException>(() => migrator.MigrateAsync());

        Assert.Contains("Migration 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tampered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_recorded_by_a_newer_sdk_are_reported_not_fatal()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("mig_newer");
        await using var ds = db.CreateDataSource();
        await new PostgresMigrator(ds).MigrateAsync();
        await Db.ExecAsync(ds, $"INSERT INTO {PostgresMigrator.HistoryTable} (version, name, checksum) VALUES (999, 'future', 'x')");

        var result = await new PostgresMigrator(ds).MigrateAsync();

        Assert.Equal([999], result.UnknownVersions);
        Assert.Empty(result.Applied);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad-name")]
    [InlineData("x\"; DROP TABLE agents; --")]
    [InlineData("1starts_with_digit")]
    [InlineData("pg_catalog")]
    [InlineData("information_schema")]
    public async Task Malformed_schema_name_is_rejected_naming_the_field(string schema)
    {
        await using var ds = NpgsqlDataSource.Create("Host=127.0.0.1");
        var ex = Assert.Throws<ArgumentException>(() => new PostgresMigrator(ds, schema));
        Assert.StartsWith("Schema:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_migrations_are_ordered_and_checksummed()
    {
        var all = PostgresMigrator.Migrations;

        Assert.NotEmpty(all);
        Assert.Equal(1, all[0].Version);
        Assert.Equal("initial", all[0].Name);
        Assert.Equal(all.Select(m => m.Version).Order(), all.Select(m => m.Version));
        Assert.All(all, m => Assert.Matches("^[0-9a-f]{64}$", m.Checksum));
        Assert.All(all, m => Assert.DoesNotContain('\r', m.Sql));
    }

    private static async Task<string> SchemaFingerprintAsync(NpgsqlDataSource ds) => string.Join(",", await Db.ColumnAsync(ds,
        "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1"))
        + string.Join(",", await Db.ColumnAsync(ds, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"));
}
