using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>
/// Claims and order outcomes of signals executed at the same time are written by shared statements: each request gets
/// exactly the answer it would have got alone, a refused one fails alone with its own typed error, and two requests for
/// one signal never share a statement. The first statement is held behind a row lock so that the batches are known
/// (one statement of each kind runs at a time; the requests arriving meanwhile form the next).
/// </summary>
public sealed class CoalescedWritesTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Claims_waiting_behind_a_running_statement_are_written_as_one_and_a_refused_one_fails_alone()
    {
        var (store, schema) = await NewStoreAsync();
        var (agent, deployments) = await StoreRows.AgentAsync(store, 3);
        var signals = new List<Signal>();
        for (var i = 0; i < 4; i++)
        {
            signals.Add(await StoreRows.SignalAsync(store, agent.Id));
        }

        // The first claim starts at once and waits on its locked signal row; the next four gather meanwhile. The third
        // of them names a deployment that does not exist; the fourth is a second claim of the second signal, which must
        // not share its statement.
        await using var blocker = await LockAsync(schema, "signals_v3", signals[0].Id);
        var writing = FirstStatement(store.Coalescers.Claims);
        var first = Claim(store, signals[0], deployments);
        await writing;
        var unknown = Guid.NewGuid();
        var gathered = new[]
        {
            Claim(store, signals[1], deployments),
            Claim(store, signals[2], deployments),
            Claim(store, signals[3], [.. deployments.Take(2).Select(d => d.Id), unknown]),
            Claim(store, signals[2], deployments),
        };
        Assert.Equal(4, store.Coalescers.Claims.Waiting);
        await blocker.CommitAsync();

        foreach (var claim in new[] { first, gathered[0], gathered[1] })
        {
            Assert.Equal((SignalStatus.Executing, 1L), ((await claim)!.Signal.Status, (await claim)!.Signal.Fence));
        }

        var refused = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => gathered[2]);
        Assert.Equal("deployment_id", refused.Field);
        // The repeat went out after the statement that claimed the signal: refused, nothing written.
        Assert.Null(await gathered[3]);

        // The first alone, the gathered three in one statement (refused, then each written alone), the repeat after them.
        Assert.Equal((3L, 5L), (store.Coalescers.Claims.Statements, store.Coalescers.Claims.Requests));
        foreach (var s in signals.Take(3))
        {
            var stored = await store.GetSignalAsync(s.Id, Ct);
            Assert.Equal((SignalStatus.Executing, 1L), (stored!.Status, stored.Fence));
            var positions = await store.ListPositionsAsync(new PositionQuery(SignalId: s.Id), Ct);
            Assert.Equal(deployments.Select(d => d.Id).Order(), positions.Select(p => p.DeploymentId).Order());
            Assert.All(positions, p => Assert.Equal(1, p.Fence));
            foreach (var d in deployments)
            {
                Assert.NotNull(await store.GetPolicyRecordAsync(s.Id, d.Id, Ct));
            }
        }

        // The refused claim wrote nothing: its signal is still PENDING, with no position, audit row or policy record.
        Assert.Equal(SignalStatus.Pending, (await store.GetSignalAsync(signals[3].Id, Ct))!.Status);
        Assert.Empty(await store.ListPositionsAsync(new PositionQuery(SignalId: signals[3].Id), Ct));
        Assert.Null(await store.GetPolicyRecordAsync(signals[3].Id, deployments[0].Id, Ct));
        Assert.Equal(9, (await store.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: 100), Ct)).Summary.Total);
    }

    [Fact]
    public async Task Outcomes_of_several_signals_in_one_statement_complete_each_signal_only_with_all_its_own_outcomes()
    {
        var (store, schema) = await NewStoreAsync();
        var (agent, deployments) = await StoreRows.AgentAsync(store, 2);
        var claims = new List<SignalClaim>();
        for (var i = 0; i < 4; i++)
        {
            var signal = await StoreRows.SignalAsync(store, agent.Id);
            claims.Add((await Claim(store, signal, deployments))!);
        }

        var fill = new PositionFill("oid", 0.5m, 3000m, 2m, 750m, 0.3m, null, null, null);
        var ids = claims.Select(c => c.Reservations.Select(r => r.Position!.Id).ToArray()).ToArray();
        SignalCompletion Completion(int i) => new(claims[i].Signal.Id, SignalStatus.Executed, Venue.Hyperliquid, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, claims[i].Signal.Fence);
        OrderOutcome[] Opened(int i) => [.. ids[i].Select(id => OrderOutcome.Opened(id, 1, fill))];

        await using var blocker = await LockAsync(schema, "positions_v3", ids[0][0]);
        var writing = FirstStatement(store.Coalescers.Outcomes);
        var first = store.RecordOrderOutcomesAsync(Opened(0), Completion(0), Ct);
        await writing;
        // Signals 1 and 2 complete; signal 3 with one outcome under a stale fence, so its completion must be held back;
        // a repeat of signal 2's completion, which shares its key and goes out in the next statement.
        var gathered = new[]
        {
            store.RecordOrderOutcomesAsync(Opened(1), Completion(1), Ct),
            store.RecordOrderOutcomesAsync(Opened(2), Completion(2), Ct),
            store.RecordOrderOutcomesAsync([OrderOutcome.Opened(ids[3][0], 1, fill), OrderOutcome.Opened(ids[3][1], 0, fill)], Completion(3), Ct),
            store.RecordOrderOutcomesAsync([], Completion(2), Ct),
        };
        Assert.Equal(4, store.Coalescers.Outcomes.Waiting);
        await blocker.CommitAsync();

        foreach (var done in new[] { first, gathered[0], gathered[1] })
        {
            var result = await done;
            Assert.True(result.SignalCompleted);
            Assert.All(result.Positions, p => Assert.Equal(PositionStatus.Open, p!.Status));
        }

        var three = await gathered[2];
        Assert.False(three.SignalCompleted);
        Assert.Equal(PositionStatus.Open, three.Positions[0]!.Status);
        Assert.Null(three.Positions[1]);
        // After the statement that completed signal 2: refused, the signal is no longer EXECUTING.
        Assert.False((await gathered[3]).SignalCompleted);
        Assert.Equal((3L, 5L), (store.Coalescers.Outcomes.Statements, store.Coalescers.Outcomes.Requests));

        Assert.Equal(SignalStatus.Executed, (await store.GetSignalAsync(claims[2].Signal.Id, Ct))!.Status);
        Assert.Equal(SignalStatus.Executing, (await store.GetSignalAsync(claims[3].Signal.Id, Ct))!.Status);
        Assert.Equal(PositionStatus.Submitted, (await store.GetPositionAsync(ids[3][1], Ct))!.Status);
        Assert.Equal(7, (await store.GetOverviewAsync(Ct)).OpenPositions);
    }

    [Fact]
    public async Task Many_signals_executed_at_once_share_statements_and_each_ends_exactly_as_alone()
    {
        await using var host = PostgresHosts.Build(database.ConnectionString, store: o => o.Schema = "coalesce_" + Guid.NewGuid().ToString("N")[..12]);
        var client = host.GetRequiredService<IMaxxitClient>();
        var executor = host.GetRequiredService<ITradeExecutor>();
        var store = (PostgresStore)host.GetRequiredService<IMaxxitStore>();
        var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, 3, Random.Shared.Next(1, 1_000_000));
        var signals = new List<Signal>();
        for (var i = 0; i < 48; i++)
        {
            signals.Add(await PostgresHosts.SignalAsync(client, agent.Id, i % 2 == 0 ? "ETH" : "BTC"));
        }

        var results = new ExecutionResult[signals.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < signals.Count; i = Interlocked.Increment(ref next))
            {
                results[i] = await executor.ExecuteAsync(signals[i].Id, Ct);
            }
        })));

        Assert.All(results, r => Assert.Equal((SignalStatus.Executed, 3), (r.Status, r.Deployments.Count(d => d.Outcome == DeploymentOutcome.Opened))));
        var (snapshots, claims, outcomes) = store.Coalescers;
        Assert.Equal(48, snapshots.Requests);
        Assert.Equal(48, claims.Requests);
        Assert.True(claims.Statements + snapshots.Statements + outcomes.Statements < 3 * 48, $"statements: {snapshots.Statements} reads, {claims.Statements} claims, {outcomes.Statements} outcomes for 48 signals");
        var positions = await store.ListPositionsAsync(new PositionQuery(AgentId: agent.Id, Limit: 1_000), Ct);
        Assert.Equal(144, positions.Count);
        Assert.All(positions, p => Assert.Equal(PositionStatus.Open, p.Status));
        Assert.Equal(144, positions.Select(p => (p.SignalId, p.DeploymentId)).Distinct().Count());
        Assert.Equal(144, (await store.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: 1), Ct)).Summary.Total);
        foreach (var s in signals)
        {
            Assert.Equal(SignalStatus.Executed, (await store.GetSignalAsync(s.Id, Ct))!.Status);
        }
    }

    [Fact]
    public async Task A_store_on_a_multiplexing_data_source_executes_signals_too()
    {
        // Npgsql refuses explicit preparation on multiplexing connections; the store must not ask for it there.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Multiplexing = true }.ConnectionString;
        await using var host = PostgresHosts.Build(connectionString, store: o => o.Schema = "multiplex_" + Guid.NewGuid().ToString("N")[..12]);
        var client = host.GetRequiredService<IMaxxitClient>();
        var executor = host.GetRequiredService<ITradeExecutor>();
        var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, 2, Random.Shared.Next(1, 1_000_000));
        var signals = new List<Signal>();
        for (var i = 0; i < 8; i++)
        {
            signals.Add(await PostgresHosts.SignalAsync(client, agent.Id, "ETH"));
        }

        var results = await Task.WhenAll(signals.Select(s => Task.Run(() => executor.ExecuteAsync(s.Id, Ct))));

        Assert.All(results, r => Assert.Equal((SignalStatus.Executed, 2), (r.Status, r.Deployments.Count(d => d.Outcome == DeploymentOutcome.Opened))));
    }

    private async Task<(PostgresStore Store, string Schema)> NewStoreAsync()
    {
        var (store, schema) = await FreshSchema.CreateAsync(database.DataSource, "coalesce");
        return ((PostgresStore)store, schema);
    }

    private static Task<SignalClaim?> Claim(IMaxxitStore store, Signal signal, IEnumerable<AgentDeployment> deployments) => Claim(store, signal, deployments.Select(d => d.Id).ToList());

    private static Task<SignalClaim?> Claim(IMaxxitStore store, Signal signal, List<Guid> deployments) =>
        store.ClaimSignalWithReservationsAsync(signal.Id, 0, DateTimeOffset.UtcNow, Lease, [.. deployments.Select(d => Reservation(signal.Id, d))], Ct);

    private static ExecutionReservation Reservation(Guid signalId, Guid deploymentId)
    {
        var position = new Position
        {
            Id = Guid.NewGuid(), SignalId = signalId, DeploymentId = deploymentId, Venue = Venue.Hyperliquid, TokenSymbol = "ETH", Side = TradeSide.Long,
            SizePercent = 10m, Leverage = 2m, Status = PositionStatus.Submitted, Fence = 1, IntendedNotionalUsd = 500m,
            ClientOrderId = ClientOrderId.For(signalId, deploymentId, "open"), OpenedAt = DateTimeOffset.UtcNow,
        };
        var routing = new RoutingRecord
        {
            Id = Guid.NewGuid(), SignalId = signalId, DeploymentId = deploymentId, TokenSymbol = "ETH", SelectedVenue = Venue.Hyperliquid,
            RoutingReason = "HYPERLIQUID: pair available", CheckedVenues = [Venue.Hyperliquid],
            VenueAvailability = new Dictionary<Venue, bool> { [Venue.Hyperliquid] = true }, RoutingDurationMs = 0.01, CreatedAt = DateTimeOffset.UtcNow,
        };
        return new ExecutionReservation(position, routing, new PolicyRecord(signalId, deploymentId, PolicyOutcome.Accepted, [], null, null, DateTimeOffset.UtcNow), null);
    }

    /// <summary>An open transaction holding the given rows FOR UPDATE: a statement writing them waits until it ends.</summary>
    private async Task<RowLock> LockAsync(string schema, string table, params Guid[] ids)
    {
        var connection = await database.DataSource.OpenConnectionAsync(Ct);
        var tx = await connection.BeginTransactionAsync(Ct);
        await using var cmd = new NpgsqlCommand($"SELECT 1 FROM \"{schema}\".{table} WHERE id = ANY($1) FOR UPDATE", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        Assert.Equal(ids.Length, await CountAsync(cmd));
        return new RowLock(connection, tx);
    }

    private static async Task<int> CountAsync(NpgsqlCommand cmd)
    {
        var n = 0;
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        while (await r.ReadAsync(Ct))
        {
            n++;
        }

        return n;
    }

    /// <summary>Completes when the coalescer starts writing its next statement.</summary>
    private static Task FirstStatement<TRequest, TResult>(StatementCoalescer<TRequest, TResult> coalescer)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        coalescer.Writing += _ => started.TrySetResult();
        return started.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public Task CommitAsync() => transaction.CommitAsync(Ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
