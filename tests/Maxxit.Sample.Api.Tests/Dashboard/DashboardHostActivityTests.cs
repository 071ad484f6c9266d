using System.Security.Cryptography;
using System.Text.Json;
using Maxxit.Sdk.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sample.Api.Tests.Dashboard;

/// <summary>A host that runs the signal worker and the position monitor: the dashboard reports them and the worker's cycles.</summary>
public sealed class DashboardHostActivityTests
{
    [Fact]
    public async Task The_worker_and_monitor_of_the_host_are_reported_with_the_workers_last_cycle()
    {
        var args = new[] { "--urls", "http://127.0.0.1:0", "--master-key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "--Logging:LogLevel:Default", "Warning" };
        var app = ApiHost.Build(args, builder => builder.Services.AddMaxxitV3()
            .AddSignalWorker(o => o.Interval = TimeSpan.FromHours(1))
            .AddPositionMonitor(o => o.Interval = TimeSpan.FromHours(1)));

        // The dashboard subscribed while the app was built, so it has seen a cycle by the time this handler runs.
        var firstCycle = new TaskCompletionSource<WorkerCycleResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Services.GetRequiredService<SignalWorker>().CycleCompleted += (_, result) => firstCycle.TrySetResult(result);
        await app.StartAsync();
        try
        {
            var cycle = await firstCycle.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/v3/dashboard"));
            var d = doc.RootElement.GetProperty("dashboard");

            var worker = d.GetProperty("signal_worker");
            Assert.True(worker.GetProperty("running").GetBoolean());
            Assert.True(worker.GetProperty("cycles").GetInt32() >= 1);
            Assert.Equal(0, worker.GetProperty("failed_cycles").GetInt32());
            Assert.Equal(JsonValueKind.Null, worker.GetProperty("last_error").ValueKind);
            Assert.Equal(cycle.StartedAt, worker.GetProperty("last_cycle_at").GetDateTimeOffset());
            Assert.True(d.GetProperty("position_monitor").GetProperty("running").GetBoolean());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
