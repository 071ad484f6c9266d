using Maxxit.Sdk.Testing.Postgres;

namespace Maxxit.Sdk.Postgres.Tests.Verify;

public sealed class PostgresVerifierTests
{
    [Fact]
    public async Task Empty_database_is_reported_not_ready_with_everything_missing()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("ver_empty");
        await using var ds = db.CreateDataSource();

        var report = await new PostgresVerifier(ds).VerifyAsync();

        Assert.False(report.IsReady);
        Assert.Empty(report.TablesPresent);
        Assert.Equal(6, report.TablesMissing.Count);
        Assert.Empty(report.EnumValues);
        Assert.False(report.GlobalRoutingConfigSet);
        Assert.Equal(PostgresMigrator.Migrations.Select(m => m.Version), report.PendingMigrations);
        Assert.Empty(report.LegacyRowCounts);
        Assert.Contains("❌ V3 tables: 0/6", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("NOT ready", report.ToString(), StringComparison.Ordinal);
        Assert.Empty(await Db.TablesAsync(ds));
    }

    [Fact]
    public async Task Migrated_database_beside_V2_tables_is_ready_and_counts_both()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("ver_ready");
        await using var ds = db.CreateDataSource();
        await LegacyV2Schema.SeedAsync(ds);
        await new PostgresMigrator(ds).MigrateAsync();
        var markets = new Dictionary<string, int> { ["HYPERLIQUID"] = 220, ["OSTIUM"] = 41 };

        var report = await new PostgresVerifier(ds).VerifyAsync(markets);

        Assert.True(report.IsReady);
        Assert.Equal(6, report.TablesPresent.Count);
        Assert.Equal(["MULTI", "HYPERLIQUID", "OSTIUM", "GMX", "SPOT"], report.EnumValues);
        Assert.Equal(["HYPERLIQUID", "OSTIUM"], report.GlobalVenuePriority);
        Assert.Equal("FIRST_AVAILABLE", report.GlobalRoutingStrategy);
        Assert.True(report.GlobalFailoverEnabled);
        Assert.Equal(new Dictionary<string, long> { ["agents"] = 10, ["signals"] = 628, ["positions"] = 181 }, report.LegacyRowCounts);
        Assert.Equal(1, report.V3RowCounts["venue_routing_config_v3"]);
        Assert.Equal(0, report.V3RowCounts["signals_v3"]);
        Assert.Equal(261, report.TotalMarkets);
        var text = report.ToString();
        Assert.Contains("✅ All V3 tables exist (6/6)", text, StringComparison.Ordinal);
        Assert.Contains("✅ venue_v3_t enum is correct (5 values)", text, StringComparison.Ordinal);
        Assert.Contains("HYPERLIQUID → OSTIUM", text, StringComparison.Ordinal);
        Assert.Contains("10 agents, 628 signals, 181 positions (untouched)", text, StringComparison.Ordinal);
        Assert.Contains("261 pairs", text, StringComparison.Ordinal);
        Assert.Contains("V3 is ready to use.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_global_config_or_no_markets_makes_it_not_ready()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("ver_cfg");
        await using var ds = db.CreateDataSource();
        await new PostgresMigrator(ds).MigrateAsync();
        await Db.ExecAsync(ds, "DELETE FROM venue_routing_config_v3 WHERE agent_id IS NULL");

        var noConfig = await new PostgresVerifier(ds).VerifyAsync();
        await new PostgresMigrator(ds).MigrateAsync();
        var noMarkets = await new PostgresVerifier(ds).VerifyAsync(new Dictionary<string, int> { ["HYPERLIQUID"] = 0 });

        Assert.False(noConfig.IsReady);
        Assert.Contains("❌ Global routing config missing", noConfig.ToString(), StringComparison.Ordinal);
        Assert.True(noMarkets.AllTablesPresent);
        Assert.False(noMarkets.IsReady);
    }

    [Fact]
    public async Task Verifier_reads_the_schema_it_is_given()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("ver_schema");
        await using var ds = db.CreateDataSource();
        await new PostgresMigrator(ds, "other").MigrateAsync();

        var inPublic = await new PostgresVerifier(ds).VerifyAsync();
        var inOther = await new PostgresVerifier(ds, "other").VerifyAsync();

        Assert.Empty(inPublic.TablesPresent);
        Assert.True(inOther.IsReady);
        Assert.Equal("other", inOther.Schema);
    }
}
