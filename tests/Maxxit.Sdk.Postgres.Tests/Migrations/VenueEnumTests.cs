using Maxxit.Sdk.Testing.Postgres;

namespace Maxxit.Sdk.Postgres.Tests.Migrations;

/// <summary>venue_v3_t keeps its five values and gains the venues of adapters the SDK does not ship.</summary>
public sealed class VenueEnumTests
{
    [Fact]
    public async Task Hosts_adding_a_new_venue_at_once_add_it_once_after_the_five_and_it_is_usable_at_once()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("venue_enum");
        await using var ds = db.CreateDataSource();
        await new PostgresMigrator(ds).MigrateAsync();
        var venue = Venue.Of("TEST_ENUM_VENUE");

        using var start = new Barrier(4);
        var added = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await new PostgresMigrator(ds).EnsureVenuesAsync([venue, Venue.Hyperliquid]);
        })));

        Assert.Equal([venue], added.SelectMany(a => a));
        Assert.Equal(
            ["MULTI", "HYPERLIQUID", "OSTIUM", "GMX", "SPOT", "TEST_ENUM_VENUE"],
            await Db.ColumnAsync(ds, "SELECT unnest(enum_range(NULL::venue_v3_t))::text"));
        Assert.Equal("TEST_ENUM_VENUE", await Db.ScalarAsync<string>(ds, "SELECT 'TEST_ENUM_VENUE'::venue_v3_t::text"));
        Assert.Empty(await new PostgresMigrator(ds).EnsureVenuesAsync([venue]));
        await Assert.ThrowsAsync<ArgumentException>(() => new PostgresMigrator(ds).EnsureVenuesAsync([default]));
    }

    [Fact]
    public async Task The_store_adds_the_venues_defined_in_the_process_when_it_migrates_and_verify_accepts_them()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("venue_store");
        await using var ds = db.CreateDataSource();
        var venue = Venue.Of("TEST_STORE_VENUE");
        var store = new PostgresStore(ds);

        await store.MigrateAsync();

        Assert.Contains("TEST_STORE_VENUE", await Db.ColumnAsync(ds, "SELECT unnest(enum_range(NULL::venue_v3_t))::text"));
        var report = await store.VerifyAsync();
        Assert.True(report.EnumCorrect, report.ToString());
        // A global routing order naming it is written and read back.
        await store.UpsertRoutingConfigAsync(new Sdk.Routing.RoutingConfig { Id = Guid.NewGuid(), VenuePriority = [venue, Venue.Hyperliquid] }, CancellationToken.None);
        Assert.Equal([venue, Venue.Hyperliquid], (await store.ListRoutingConfigsAsync(CancellationToken.None)).Single(c => c.AgentId is null).VenuePriority);
    }
}
