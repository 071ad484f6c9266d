using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Postgres;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Benchmarks.Execution;

/// <summary>
/// One position-monitor pass over 100,000 OPEN positions on Postgres with unchanged prices (every position priced and
/// checked, nothing written), against a bare keyset scan of the same rows in the same run. <see cref="Trailing"/> gives
/// every other position a trailing stop too (its best above the price, so it neither moves nor fires).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class MonitorPassBenchmarks
{
    private const int Positions = 100_000;
    private PostgresTestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;
    private ServiceProvider _services = null!;
    private PositionMonitor _monitor = null!;

    /// <summary>Whether every other position also has a trailing stop (the stored jsonb the pass must read).</summary>
    [Params(false, true)]
    public bool Trailing { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench_monitor");
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        var collection = new ServiceCollection();
        collection.AddMaxxitV3(o => o.MasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)))
            .UsePostgres(_dataSource)
            .AddPositionMonitor();
        _services = collection.BuildServiceProvider();
        await ((PostgresStore)_services.GetRequiredService<IMaxxitStore>()).MigrateAsync();
        await _services.GetRequiredService<IMarketCatalog>().EnsureFreshAsync(CancellationToken.None);
        _monitor = _services.GetRequiredService<PositionMonitor>();

        // 100,000 OPEN ETH positions on paper Hyperliquid, far from their stops (the paper ETH price is ~3,000), seeded in
        // bulk; with Trailing, every other one has a 50 % trailing stop whose best (5,000) the price does not improve.
        var trailing = Trailing ? """CASE WHEN g % 2 = 0 THEN '{"retrace": 0.5, "best_price": 5000}'::jsonb END""" : "NULL";
        await using var seed = _dataSource.CreateCommand($$"""
            INSERT INTO agents_v3 (id, creator_wallet, name, status, weights) VALUES ('00000000-0000-0000-0000-000000000001', '0xa', 'bench', 'ACTIVE', '{"x":1,"research":0}');
            INSERT INTO agent_deployments_v3 (id, agent_id, user_wallet, status) VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', '0xb', 'ACTIVE');
            INSERT INTO signals_v3 (id, agent_id, token_symbol, side, size_model, risk_model, confidence, status)
                SELECT md5('s' || g)::uuid, '00000000-0000-0000-0000-000000000001', 'ETH', 'LONG', '{"type":"balance-percentage","value":1}', '{"type":"trailing-stop","stop":0.5}', 0.9, 'EXECUTED'
                FROM generate_series(1, 100000) g;
            INSERT INTO positions_v3 (id, deployment_id, signal_id, venue, token_symbol, side, qty, entry_price, status, client_order_id, stop_loss, trailing_params, opened_at)
                SELECT md5('p' || g)::uuid, '00000000-0000-0000-0000-000000000002', md5('s' || g)::uuid, 'HYPERLIQUID', 'ETH', 'LONG', 0.01, 3000, 'OPEN', 'c' || g, 10, {{trailing}}, now() - g * interval '1 second'
                FROM generate_series(1, 100000) g;
            ANALYZE positions_v3;
            """);
        seed.CommandTimeout = 300;
        await seed.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "bare keyset scan of the 100,000 OPEN rows, pages of 1,000")]
    public async Task<int> KeysetScan()
    {
        var rows = 0;
        (DateTime At, Guid Id)? after = null;
        while (true)
        {
            await using var cmd = _dataSource.CreateCommand(after is null
                ? "SELECT id, opened_at, qty, entry_price, stop_loss, trailing_params FROM positions_v3 WHERE status = 'OPEN' ORDER BY opened_at, id LIMIT 1000"
                : "SELECT id, opened_at, qty, entry_price, stop_loss, trailing_params FROM positions_v3 WHERE status = 'OPEN' AND (opened_at, id) > ($1, $2) ORDER BY opened_at, id LIMIT 1000");
            if (after is { } key)
            {
                cmd.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = key.At });
                cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = key.Id });
            }

            var page = 0;
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                after = (r.GetDateTime(1), r.GetGuid(0));
                page++;
            }

            rows += page;
            if (page < 1000)
            {
                return rows;
            }
        }
    }

    [Benchmark(Description = "one monitor pass over 100,000 OPEN positions, prices unchanged")]
    public async Task<int> MonitorPass()
    {
        var pass = await _monitor.RunOnceAsync(CancellationToken.None);
        return pass.Checked == Positions && pass.BestPriceUpdates == 0 && pass.Closed.Count == 0
            ? pass.Checked
            : throw new InvalidOperationException($"checked {pass.Checked} of {Positions}, {pass.BestPriceUpdates} bests saved, {pass.Closed.Count} closed");
    }
}
