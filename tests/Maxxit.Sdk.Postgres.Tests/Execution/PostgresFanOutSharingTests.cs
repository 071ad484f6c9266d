using Maxxit.Sdk.Testing.Execution;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>The fan-out sharing contract on hosts sharing one Postgres database (leases by the database's clock).</summary>
public sealed class PostgresFanOutSharingTests : FanOutSharingContractTests
{
    private PostgresTestDatabase? _db;

    public override async Task InitializeAsync() => _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("fan_out_sharing");

    public override async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    protected override ServiceProvider BuildHost(GatedVenue venue, int gate) =>
        PostgresHosts.Build(_db!.ConnectionString, options: o =>
        {
            o.MaxOrdersInFlightPerVenue = gate;
            // Long enough that no lease lapses on its own under load; the owner's wait then polls every 1.25 s.
            o.SignalLease = TimeSpan.FromSeconds(10);
        }, configure: b => b.AddVenue(_ => venue));

    protected override Task LapseLeasesAsync() => Leases.LapseAllAsync(_db!.ConnectionString);
}
