using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Maxxit.Sdk.Testing.Workers;

namespace Maxxit.Sdk.Postgres.Tests.Workers;

/// <summary>The worker suite, unchanged, on the Postgres store: signals and cursor commit in one transaction across restarts.</summary>
public sealed class PostgresSignalWorkerTests(PostgresDatabaseFixture database) : SignalWorkerContractTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => FreshSchema.StoreAsync(database.DataSource, "worker");
}
