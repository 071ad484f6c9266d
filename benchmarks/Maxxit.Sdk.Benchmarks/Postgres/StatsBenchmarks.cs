using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Maxxit.Sdk.Postgres;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Testing.Postgres;
using Npgsql;

namespace Maxxit.Sdk.Benchmarks.Postgres;

/// <summary>
/// The figures a dashboard polls, on a database with 1,000,000 routing decisions and 100,000 positions (100 agents,
/// 1,000 deployments, 100,000 signals), against a primary-key lookup through the same store in the same run. The
/// "before" case is the full-table count(*) / GROUP BY the overview ran on every request until migration 005. The two
/// audit-row cases show what the counters cost a write: the same single-row INSERT into the routing history with its
/// counter trigger, and with the trigger disabled for that case only.
/// </summary>
/// <remarks>
/// Loading the rows takes a while, so every case runs in this one process (in-process toolchain, short job) and reuses
/// one loaded database: run it without <c>--job</c>.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class StatsBenchmarks
{
    private const int Agents = 100;
    private const int DeploymentsPerAgent = 10;
    private const int Positions = 100_000;
    private const int RoutingRows = 1_000_000;

    private const string FullTableOverview = """
        SELECT (SELECT count(*)::int FROM agents_v3),
               (SELECT count(*)::int FROM agents_v3 WHERE status = 'ACTIVE'),
               (SELECT count(*)::int FROM agent_deployments_v3),
               (SELECT count(*)::int FROM signals_v3),
               (SELECT count(*)::int FROM positions_v3 WHERE status <> 'FAILED'),
               (SELECT count(*)::int FROM positions_v3 WHERE status IN ('RESERVED', 'OPEN', 'CLOSING')),
               (SELECT count(*)::int FROM positions_v3 WHERE status = 'CLOSED'),
               (SELECT coalesce(sum(coalesce(pnl, 0)), 0) FROM positions_v3 WHERE status = 'CLOSED'),
               (SELECT coalesce(avg(routing_duration_ms), 0) FROM venue_routing_history_v3);
        SELECT selected_venue::text, count(*)::int FROM venue_routing_history_v3 GROUP BY selected_venue;
        SELECT coalesce(rejected_by, 'unknown'), count(*)::int FROM policy_decisions_v3 WHERE outcome = 'REJECTED' GROUP BY 1
        """;

    private const string AuditInsert = "INSERT INTO {0} (id, signal_id, token_symbol, selected_venue, routing_reason, checked_venues, routing_duration_ms) "
        + "VALUES ($1, $2, 'ETH', 'HYPERLIQUID', 'HYPERLIQUID: pair available', '{{HYPERLIQUID}}', 0.03)";

    private static readonly string AuditInsertSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, AuditInsert, "venue_routing_history_v3");

    private static readonly Lazy<Task<LoadedDatabase>> Loaded = new(LoadAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private NpgsqlDataSource dataSource = null!;
    private PostgresStore store = null!;
    private Guid positionId;
    private Guid[] agentIds = [];
    private DateOnly since;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var loaded = await Loaded.Value;
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(loaded.ConnectionString) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString);
        store = new PostgresStore(dataSource, new PostgresStoreOptions { ApplyMigrations = false });
        (positionId, agentIds) = (loaded.PositionId, loaded.AgentIds);
        since = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-90);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await dataSource.DisposeAsync();

    [Benchmark(Baseline = true, Description = "primary-key lookup (GetPositionAsync)")]
    public Task<Positions.Position?> PrimaryKeyLookup() => store.GetPositionAsync(positionId, CancellationToken.None);

    [Benchmark(Description = "overview (counters)")]
    public Task<OverviewStats> Overview() => store.GetOverviewAsync(CancellationToken.None);

    [Benchmark(Description = "routing history: 20 rows + summary")]
    public Task<RoutingHistoryPage> RoutingHistory() => store.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: 20), CancellationToken.None);

    [Benchmark(Description = "routing history for ETH: 20 rows + summary")]
    public Task<RoutingHistoryPage> RoutingHistoryByToken() => store.GetRoutingHistoryAsync(new RoutingHistoryQuery("ETH", Limit: 20), CancellationToken.None);

    [Benchmark(Description = "stats of 12 agents with 90 days of PnL")]
    public Task<IReadOnlyList<AgentStats>> AgentStats() => store.GetAgentStatsAsync(agentIds, since, CancellationToken.None);

    [Benchmark(Description = "before 005: full-table count(*) / GROUP BY overview")]
    public async Task<int> FullTableScanOverview()
    {
        await using var cmd = dataSource.CreateCommand(FullTableOverview);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = 0;
        do
        {
            while (await r.ReadAsync())
            {
                rows++;
            }
        }
        while (await r.NextResultAsync());
        return rows;
    }

    [GlobalSetup(Target = nameof(AuditRowWithoutCounters))]
    public async Task SetupWithoutCountersAsync()
    {
        await SetupAsync();
        await ExecAsync(dataSource, "ALTER TABLE venue_routing_history_v3 DISABLE TRIGGER USER");
    }

    [GlobalCleanup(Target = nameof(AuditRowWithoutCounters))]
    public async Task CleanupWithoutCountersAsync()
    {
        await ExecAsync(dataSource, "ALTER TABLE venue_routing_history_v3 ENABLE TRIGGER USER");
        await CleanupAsync();
    }

    [Benchmark(Description = "audit row INSERT, counter trigger on")]
    public Task<int> AuditRowWithCounters() => InsertAsync();

    [Benchmark(Description = "audit row INSERT, trigger disabled")]
    public Task<int> AuditRowWithoutCounters() => InsertAsync();

    private async Task<int> InsertAsync()
    {
        await using var cmd = dataSource.CreateCommand(AuditInsertSql);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = positionId });
        return await cmd.ExecuteNonQueryAsync();
    }

    // Set-based loads in statements of 100,000 rows with the counter triggers on, as any writer would run them.
    private static async Task<LoadedDatabase> LoadAsync()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync("bench_stats");
        await using var ds = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresStore(ds, new PostgresStoreOptions()).MigrateAsync();
        await ExecAsync(ds, $$"""
            INSERT INTO agents_v3 (id, creator_wallet, name, status, weights, created_at)
            SELECT gen_random_uuid(), '0x' || lpad(to_hex(i), 40, '0'), 'agent ' || i, 'ACTIVE', '{"x": 1, "research": 0}', now() - i * interval '1 minute'
            FROM generate_series(1, {{Agents}}) i;
            INSERT INTO agent_deployments_v3 (id, agent_id, user_wallet, status)
            SELECT gen_random_uuid(), a.id, '0x' || lpad(to_hex(w), 40, '0'), 'ACTIVE' FROM agents_v3 a, generate_series(1, {{DeploymentsPerAgent}}) w;
            """);
        for (var chunk = 0; chunk < Positions; chunk += 100_000)
        {
            // One signal per position; a position's deployment is n mod 1,000; 70 % closed over 90 days, 25 % open.
            await ExecAsync(ds, $$"""
                CREATE TEMP TABLE batch AS
                SELECT i, gen_random_uuid() AS signal_id, d.id AS deployment_id, d.agent_id,
                       (ARRAY['ETH', 'BTC', 'SOL', 'XAU', 'DOGE', 'ARB'])[1 + i % 6] AS token
                FROM generate_series({{chunk}}, {{chunk + 99_999}}) i
                JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, agent_id FROM agent_deployments_v3) d ON d.n = i % {{Agents * DeploymentsPerAgent}};
                INSERT INTO signals_v3 (id, agent_id, token_symbol, side, size_model, risk_model, confidence, status, created_at)
                SELECT signal_id, agent_id, token, 'LONG', '{"type": "percentage", "value": 10}', '{"type": "trailing-stop", "stop": 0.03}', 0.8, 'EXECUTED', now() - (i % 90) * interval '1 day' FROM batch;
                INSERT INTO positions_v3 (id, deployment_id, signal_id, venue, token_symbol, side, qty, entry_price, status, pnl, client_order_id, opened_at, closed_at)
                SELECT gen_random_uuid(), deployment_id, signal_id, CASE WHEN token = 'XAU' THEN 'OSTIUM' ELSE 'HYPERLIQUID' END::venue_v3_t, token, 'LONG', 1, 100,
                       CASE WHEN i % 20 < 14 THEN 'CLOSED' WHEN i % 20 < 19 THEN 'OPEN' ELSE 'CANCELLED' END,
                       CASE WHEN i % 20 < 14 THEN (i % 200) - 95 END, 'coid-' || i,
                       now() - (i % 90) * interval '1 day' - interval '1 hour', CASE WHEN i % 20 < 14 THEN now() - (i % 90) * interval '1 day' END
                FROM batch;
                DROP TABLE batch;
                """);
        }

        for (var chunk = 0; chunk < RoutingRows; chunk += 100_000)
        {
            // 70 % Hyperliquid, 25 % Ostium, 5 % no venue, over 40 tokens.
            await ExecAsync(ds, $$"""
                INSERT INTO venue_routing_history_v3 (id, signal_id, token_symbol, selected_venue, routing_reason, checked_venues, routing_duration_ms, created_at)
                SELECT gen_random_uuid(), gen_random_uuid(), CASE WHEN i % 40 = 0 THEN 'ETH' ELSE 'TOK' || (i % 40) END,
                       CASE WHEN i % 20 < 14 THEN 'HYPERLIQUID' WHEN i % 20 < 19 THEN 'OSTIUM' END::venue_v3_t,
                       'benchmark', '{HYPERLIQUID,OSTIUM}', 0.02 + (i % 7) * 0.01, now() - (i % 100000) * interval '1 second'
                FROM generate_series({{chunk}}, {{chunk + 99_999}}) i;
                """);
        }

        await ExecAsync(ds, "VACUUM ANALYZE");
        await using var pick = ds.CreateCommand("SELECT (SELECT id FROM positions_v3 ORDER BY id LIMIT 1), ARRAY(SELECT id FROM agents_v3 ORDER BY created_at DESC LIMIT 12)");
        await using var r = await pick.ExecuteReaderAsync();
        await r.ReadAsync();
        return new LoadedDatabase(database.ConnectionString, r.GetGuid(0), r.GetFieldValue<Guid[]>(1));
    }

    private static async Task ExecAsync(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed record LoadedDatabase(string ConnectionString, Guid PositionId, Guid[] AgentIds);

    private sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
    }
}
