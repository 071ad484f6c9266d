using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Positions;
using Maxxit.Sdk.Testing.Postgres;

namespace Maxxit.Sdk.Postgres.Tests.Positions;

/// <summary>The position monitor suite, unchanged, on Postgres: each test gets a fresh schema, the two monitors share it.</summary>
public sealed class PostgresPositionMonitorTests(PostgresDatabaseFixture database) : PositionMonitorContractTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => FreshSchema.StoreAsync(database.DataSource, "monitor");
}
