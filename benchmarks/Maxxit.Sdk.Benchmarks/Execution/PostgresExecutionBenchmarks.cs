using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Postgres;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Benchmarks.Execution;

/// <summary>
/// 1,000 signals × 3 deployments executed end to end on Postgres at concurrency 16 (paper venues), against the same
/// number of bare single-row INSERTs (3,000) at the same concurrency on the same server, in the same run.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PostgresExecutionBenchmarks
{
    private const int Signals = 1_000;
    private const int DeploymentsPerAgent = 3;
    private const int Concurrency = 16;
    private PostgresTestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;
    private ServiceProvider _services = null!;
    private IMaxxitClient _client = null!;
    private ITradeExecutor _executor = null!;
    private Guid _agentId;
    private Guid[] _signals = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench_execution");
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString);
        var collection = new ServiceCollection();
        collection.AddMaxxitV3(o => o.MasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))).UsePostgres(_dataSource);
        _services = collection.BuildServiceProvider();
        await ((PostgresStore)_services.GetRequiredService<IMaxxitStore>()).MigrateAsync();
        await _services.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(CancellationToken.None);
        _client = _services.GetRequiredService<IMaxxitClient>();
        _executor = _services.GetRequiredService<ITradeExecutor>();
        var agent = await _client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x" + new string('a', 40), Name = "bench" });
        _agentId = agent.Id;
        for (var i = 0; i < DeploymentsPerAgent; i++)
        {
            await _client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0x" + (i + 1).ToString("x40") });
        }

        await using var create = _dataSource.CreateCommand("CREATE TABLE bare_insert (id uuid PRIMARY KEY)");
        await create.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    [IterationSetup(Target = nameof(Execute))]
    public void NewSignals() => _signals = Task.WhenAll(Enumerable.Range(0, Signals).Select(i => _client.GenerateSignalAsync(new GenerateSignalRequest
    {
        AgentId = _agentId, TokenSymbol = (i % 3) switch { 0 => "ETH", 1 => "BTC", _ => "XAU" }, Side = TradeSide.Long,
        SizeModel = SizeModel.PercentOf(5m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.9m,
    }))).GetAwaiter().GetResult().Select(s => s.Id).ToArray();

    [Benchmark(Baseline = true, Description = "3,000 bare single-row INSERTs, concurrency 16")]
    public Task BareInserts() => ConcurrentlyAsync(Signals * DeploymentsPerAgent, async _ =>
    {
        await using var cmd = _dataSource.CreateCommand("INSERT INTO bare_insert (id) VALUES ($1)");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        await cmd.ExecuteNonQueryAsync();
    });

    [Benchmark(Description = "1,000 signals x 3 deployments executed, concurrency 16")]
    public Task Execute() => ConcurrentlyAsync(Signals, async i =>
    {
        var result = await _executor.ExecuteAsync(_signals[i], CancellationToken.None);
        if (result.Deployments.Count(d => d.Outcome == DeploymentOutcome.Opened) != DeploymentsPerAgent)
        {
            throw new InvalidOperationException($"signal {_signals[i]}: {result.Status} {result.Reason}");
        }
    });

    private static async Task ConcurrentlyAsync(int count, Func<int, Task> work)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await work(i);
            }
        }));
    }
}
