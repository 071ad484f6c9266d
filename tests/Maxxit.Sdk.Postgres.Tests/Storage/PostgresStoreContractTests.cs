using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Maxxit.Sdk.Testing.Storage;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>The core's store contract suite, unchanged, against the Postgres store: each test gets a fresh schema.</summary>
public sealed class PostgresStoreContractTests(PostgresDatabaseFixture database) : StoreContractTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => FreshSchema.StoreAsync(database.DataSource, "contract");
}
