using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Positions;
using Maxxit.Sdk.Testing.Postgres;

namespace Maxxit.Sdk.Postgres.Tests.Positions;

/// <summary>The position monitor suite, unchanged, on Postgres: each test gets a fresh schema, the two monitors share it.</summary>
public sealed class PostgresPositionMonitorTests(PostgresDatabaseFixture database) : PositionMonitorContractTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override async Task<IMaxxitStore> CreateStoreAsync()
    {
        var store = new PostgresStore(database.DataSource, new PostgresStoreOptions { Schema = "monitor_" + Guid.NewGuid().ToString("N")[..12] });
        await store.MigrateAsync();
        return store;
    }
}
