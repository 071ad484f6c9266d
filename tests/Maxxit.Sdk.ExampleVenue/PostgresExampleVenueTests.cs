using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.ExampleVenue;

/// <summary>
/// The example venue's flow on PostgreSQL (a throwaway server): the first store call migrates, which adds DYDX to the
/// <c>venue_v3_t</c> enum from the registered adapter, and DYDX rows are then written and read like any other.
/// </summary>
public sealed class PostgresExampleVenueTests : ExampleVenueFlow
{
    private string? _connectionString;

    protected override async Task<IAsyncDisposable?> UseStoreAsync(MaxxitBuilder builder)
    {
        var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("example_venue");
        _connectionString = db.ConnectionString;
        builder.UsePostgres(db.ConnectionString);
        return db;
    }

    protected override async Task LetAMinutePassAsync()
    {
        await base.LetAMinutePassAsync();
        await Leases.LapseAllAsync(_connectionString!);
    }
}
