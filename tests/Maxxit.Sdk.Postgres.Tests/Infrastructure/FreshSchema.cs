using Maxxit.Sdk.Storage;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests;

/// <summary>A migrated Postgres store in a schema of its own, so that each test of a shared suite starts empty.</summary>
internal static class FreshSchema
{
    public static async Task<IMaxxitStore> StoreAsync(NpgsqlDataSource dataSource, string prefix) => (await CreateAsync(dataSource, prefix)).Store;

    /// <summary>The store and the name of its schema.</summary>
    public static async Task<(IMaxxitStore Store, string Schema)> CreateAsync(NpgsqlDataSource dataSource, string prefix)
    {
        var schema = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        var store = new PostgresStore(dataSource, new PostgresStoreOptions { Schema = schema });
        await store.MigrateAsync();
        return (store, schema);
    }
}
