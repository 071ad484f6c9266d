using BenchmarkDotNet.Attributes;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Postgres;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Benchmarks.Postgres;

/// <summary>
/// The durable routing path (route over the full catalog, then write the audit row to venue_routing_history_v3) against
/// the cheapest durable write there is: a bare single-row INSERT round trip on the same server, in the same run.
/// </summary>
[MemoryDiagnoser]
public class DurableRoutingBenchmarks
{
    private PostgresTestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;
    private ServiceProvider services = null!;
    private PostgresStore store = null!;
    private IVenueRouter router = null!;
    private Guid agentId;
    private Guid signalId;
    private Guid deploymentId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var server = await PostgresServer.GetAsync();
        database = await server.CreateDatabaseAsync("bench_routing");
        // Both benchmarks share one data source with automatic preparation, as UsePostgres(connectionString) sets up.
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString);
        var collection = new ServiceCollection();
        collection.AddMaxxitV3(o => o.MasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))).UsePostgres(dataSource);
        services = collection.BuildServiceProvider();
        store = (PostgresStore)services.GetRequiredService<IMaxxitStore>();
        await store.MigrateAsync();
        router = services.GetRequiredService<IVenueRouter>();
        await services.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(CancellationToken.None);
        await services.GetRequiredService<RoutingConfigRefresher>().EnsureFreshAsync(CancellationToken.None);

        var agent = new Agent { Id = Guid.NewGuid(), CreatorWallet = "0x" + new string('a', 40), Name = "bench", Weights = new AgentWeights(1m, 0m), CreatedAt = DateTimeOffset.UtcNow };
        await store.CreateAgentAsync(agent, CancellationToken.None);
        var deployment = new AgentDeployment { Id = Guid.NewGuid(), AgentId = agent.Id, UserWallet = "0x" + new string('b', 40), CreatedAt = DateTimeOffset.UtcNow };
        await store.CreateDeploymentAsync(deployment, CancellationToken.None);
        var signal = new Signal
        {
            Id = Guid.NewGuid(),
            AgentId = agent.Id,
            TokenSymbol = "XAU",
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(10m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.8m,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await store.CreateSignalAsync(signal, CancellationToken.None);
        (agentId, deploymentId, signalId) = (agent.Id, deployment.Id, signal.Id);

        await using var create = dataSource.CreateCommand("CREATE TABLE bare_insert (id uuid PRIMARY KEY)");
        await create.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await services.DisposeAsync();
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "bare single-row INSERT")]
    public async Task<int> BareInsert()
    {
        await using var cmd = dataSource.CreateCommand("INSERT INTO bare_insert (id) VALUES ($1)");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        return await cmd.ExecuteNonQueryAsync();
    }

    [Benchmark(Description = "route + durable audit row")]
    public async Task DurableRoute()
    {
        // XAU is Ostium-only: the router checks Hyperliquid first, then Ostium, as in the common failover case.
        var decision = router.Route(new RoutingRequest("XAU", agentId));
        await store.RecordNoTradeAsync(
            new RoutingRecord
            {
                Id = Guid.NewGuid(),
                SignalId = signalId,
                DeploymentId = deploymentId,
                TokenSymbol = decision.TokenSymbol,
                SelectedVenue = decision.SelectedVenue,
                RoutingReason = decision.Reason,
                CheckedVenues = decision.CheckedVenues,
                VenueAvailability = decision.Availability.ToDictionary(),
                RoutingDurationMs = decision.Duration.TotalMilliseconds,
                CreatedAt = DateTimeOffset.UtcNow,
            },
            null,
            CancellationToken.None);
    }
}
