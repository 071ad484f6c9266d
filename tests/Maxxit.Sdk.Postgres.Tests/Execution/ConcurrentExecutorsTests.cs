using System.Diagnostics;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>Exactly once across hosts: many executors, each with its own store and pool, over one queue.</summary>
public sealed class ConcurrentExecutorsTests(ITestOutputHelper output)
{
    private const int Executors = 16;
    private const int Signals = 1000;
    private const int Deployments = 3;

    [Fact]
    public async Task Sixteen_executors_over_a_thousand_signals_open_exactly_one_position_per_signal_and_deployment()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("exec16");
        var hosts = Enumerable.Range(0, Executors).Select(_ => PostgresHosts.Build(db.ConnectionString)).ToList();
        try
        {
            var client = hosts[0].GetRequiredService<IMaxxitClient>();
            var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, Deployments);
            var signalIds = new List<Guid>();
            foreach (var token in Enumerable.Range(0, Signals).Select(i => (i % 4) switch { 0 => "ETH", 1 => "BTC", 2 => "XAU", _ => "SOL" }))
            {
                signalIds.Add((await PostgresHosts.SignalAsync(client, agent.Id, token)).Id);
            }

            var executed = 0;
            var alreadyProcessed = 0;
            var watch = Stopwatch.StartNew();
            using var start = new Barrier(Executors);
            var runs = hosts.Select((host, n) => Task.Run(async () =>
            {
                var executor = host.GetRequiredService<ITradeExecutor>();
                start.SignalAndWait();
                if (n % 2 == 1)
                {
                    // Half the executors go after individual signals in their own random order, racing the batch
                    // claimers and each other on the same rows.
                    foreach (var id in signalIds.OrderBy(_ => Random.Shared.Next()).Take(Signals / 4))
                    {
                        var r = await executor.ExecuteAsync(id, CancellationToken.None);
                        Interlocked.Increment(ref r.AlreadyProcessed ? ref alreadyProcessed : ref executed);
                    }
                }

                while (true)
                {
                    var batch = await executor.ExecutePendingAsync(5, CancellationToken.None);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    Interlocked.Add(ref executed, batch.Count);
                }
            })).ToList();
            await Task.WhenAll(runs);
            watch.Stop();

            await using var ds = db.CreateDataSource();
            var positions = await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM positions_v3");
            var distinctSlots = await Db.ScalarAsync<long>(ds, "SELECT count(DISTINCT (signal_id, deployment_id)) FROM positions_v3");
            var distinctOrders = await Db.ScalarAsync<long>(ds, "SELECT count(DISTINCT client_order_id) FROM positions_v3");
            var open = await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM positions_v3 WHERE status = 'OPEN'");
            var unfinished = await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM signals_v3 WHERE status IN ('PENDING', 'EXECUTING')");
            var done = await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM signals_v3 WHERE status = 'EXECUTED' AND executed_at IS NOT NULL AND lease_expires_at IS NULL");
            var audit = await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM venue_routing_history_v3");
            var policy = await Db.ScalarAsync<long>(ds, "SELECT count(*) FROM policy_decisions_v3");
            var venues = await Db.ColumnAsync(ds, "SELECT selected_venue::text || '=' || count(*) FROM venue_routing_history_v3 GROUP BY selected_venue ORDER BY 1");
            output.WriteLine($"{Executors} executors, {Signals} signals x {Deployments} deployments: {watch.Elapsed.TotalSeconds:0.00} s, "
                + $"{Signals / watch.Elapsed.TotalSeconds:0} signals/s, {positions} positions, executed {executed} (already processed {alreadyProcessed}), venues {string.Join(", ", venues)}");

            Assert.Equal(Signals * Deployments, positions);
            Assert.Equal(positions, distinctSlots);
            Assert.Equal(positions, distinctOrders);
            Assert.Equal(positions, open);
            Assert.Equal(0, unfinished);
            Assert.Equal(Signals, done);
            Assert.Equal(Signals * Deployments, audit);
            Assert.Equal(Signals * Deployments, policy);
            Assert.Equal(Signals, executed);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
