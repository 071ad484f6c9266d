using Maxxit.Sdk.Storage;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests;

/// <summary>A migrated Postgres store in a schema of its own, so that each test of a shared suite starts empty.</summary>
internal static class FreshSchema
{
    public static async Task<IMaxxitStore> StoreAsync(NpgsqlDataSource dataSource, string prefix)
    {
        var store = new PostgresStore(dataSource, new PostgresStoreOptions { Schema = prefix + "_" + Guid.NewGuid().ToString("N")[..12] });
        await store.MigrateAsync();
        return store;
    }
}
