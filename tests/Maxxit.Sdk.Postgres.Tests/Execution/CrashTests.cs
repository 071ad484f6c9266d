using System.Diagnostics;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>A host killed with SIGKILL at random points over a batch, then the leases lapse and another host finishes.</summary>
public sealed class CrashTests
{
    private const int LeaseMs = 600;

    [Fact]
    public async Task Hosts_killed_mid_batch_leave_no_duplicate_position_or_audit_row_and_nothing_stuck()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("crash");
        await using (var seed = PostgresHosts.Build(db.ConnectionString))
        {
            var client = seed.GetRequiredService<IMaxxitClient>();
            var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, 5);
            foreach (var token in Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "XAU" : i % 3 == 1 ? "ETH" : "BTC"))
            {
                await PostgresHosts.SignalAsync(client, agent.Id, token);
            }
        }

        // Three hosts in a row are killed at a random point of their run: after 1, 2 or 3 finished batches, while the
        // next batch's orders are in flight (seeded, so a failure can be replayed). The first and the third execute each
        // signal by id (decided, then claimed and reserved in one statement), the second claims them in batches.
        var random = new Random(20261201);
        var kills = 0;
        for (var i = 0; i < 3; i++)
        {
            kills += await RunAndKillAsync(db.ConnectionString, afterBatches: random.Next(1, 4), single: i != 1) ? 1 : 0;
            // The dead host's leases lapse (by the database's clock, moved there instead of waited for).
            await Leases.LapseAllAsync(db.ConnectionString);
        }

        // A healthy host finishes everything.
        await using var survivor = PostgresHosts.Build(db.ConnectionString);
        var executor = survivor.GetRequiredService<ITradeExecutor>();
        for (var round = 0; round < 20 && (await executor.ExecutePendingAsync(16, CancellationToken.None)).Count > 0; round++)
        {
        }

        Assert.True(kills >= 1, "no host was killed mid-batch; the kill points are too late for this machine");
        await using var data = NpgsqlDataSource.Create(db.ConnectionString);
        Assert.Equal(0L, await ScalarAsync(data, "SELECT count(*) FROM (SELECT 1 FROM positions_v3 GROUP BY signal_id, deployment_id HAVING count(*) > 1) d"));
        Assert.Equal(0L, await ScalarAsync(data, "SELECT count(*) FROM (SELECT 1 FROM venue_routing_history_v3 GROUP BY signal_id, deployment_id HAVING count(*) > 1) d"));
        Assert.Equal(150L, await ScalarAsync(data, "SELECT count(*) FROM venue_routing_history_v3"));
        Assert.Equal(150L, await ScalarAsync(data, "SELECT count(*) FROM positions_v3 WHERE status = 'OPEN'"));
        Assert.Equal(0L, await ScalarAsync(data, "SELECT count(*) FROM signals_v3 WHERE status <> 'EXECUTED'"));
        var store = survivor.GetRequiredService<IMaxxitStore>();
        Assert.Equal(150, (await store.GetOverviewAsync(CancellationToken.None)).OpenPositions);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var cmd = data.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Starts a host, kills it with SIGKILL once it has reported <paramref name="afterBatches"/> finished batches; true
    /// when it was still running. <paramref name="single"/>: the host executes each signal by id instead of in batches.
    /// </summary>
    private static async Task<bool> RunAndKillAsync(string connectionString, int afterBatches, bool single)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [HostDll(), connectionString, PostgresHosts.TestMasterKey, LeaseMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "60", .. single ? ["single"] : Array.Empty<string>()];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var due = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = -1; // "ready" is 0, each finished batch one more
        process.OutputDataReceived += (_, e) =>
        {
            if ((e.Data == "ready" || e.Data?.StartsWith("batch ", StringComparison.Ordinal) == true) && Interlocked.Increment(ref seen) >= afterBatches)
            {
                due.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(due.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(60));
        var running = !process.HasExited;
        if (running)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        return running;
    }

    private static string HostDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Maxxit.Sdk.CrashHost.dll");
        Assert.True(File.Exists(dll), $"crash host not built at {dll}");
        return dll;
    }
}
