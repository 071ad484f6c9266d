using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Maxxit.Sdk.Testing.Storage;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>The core's store contract suite, unchanged, against the Postgres store: each test gets a fresh schema.</summary>
public sealed class PostgresStoreContractTests(PostgresDatabaseFixture database) : StoreContractTests, IClassFixture<PostgresDatabaseFixture>
{
    private string _schema = null!;

    protected override async Task<IMaxxitStore> CreateStoreAsync()
    {
        (var store, _schema) = await FreshSchema.CreateAsync(database.DataSource, "contract");
        return store;
    }

    // Postgres judges leases by its own clock: move the stored lease ends into the past.
    protected override async Task<DateTimeOffset> LapseLeasesAsync(DateTimeOffset later)
    {
        await Leases.LapseAllAsync(database.DataSource, _schema);
        return later;
    }
}
