using System.Globalization;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sample.Console;

/// <summary>
/// <c>--worker</c>: the automated signal worker on the generic host until Ctrl+C, SIGINT or SIGTERM, on the embedded
/// default (in-memory store, paper venues) fed by <see cref="WorkerSamplePosts"/>. Logs go to the console and to a rolling
/// file under <c>./logs</c>. Settings (environment): <c>Maxxit__Worker__Interval</c> (default 00:00:10),
/// <c>Maxxit__Worker__LogDirectory</c> (default logs).
/// </summary>
public static class WorkerHost
{
    public static async Task<int> RunAsync(SampleOptions options, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        var interval = TimeSpan.TryParse(builder.Configuration["Maxxit:Worker:Interval"], CultureInfo.InvariantCulture, out var configured) ? configured : TimeSpan.FromSeconds(10);
        using var fileLog = new WorkerFileLoggerProvider(builder.Configuration["Maxxit:Worker:LogDirectory"] ?? "logs", TimeProvider.System);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddProvider(fileLog);

        builder.Services.AddSingleton<WorkerSamplePosts>();
        SampleHost.Configure(builder.Services.AddMaxxitV3(options.ApplyTo), options)
            .AddSignalWorker(o => o.Interval = interval)
            .AddPositionMonitor()
            .UseXPostSource(sp => sp.GetRequiredService<WorkerSamplePosts>());

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Maxxit.Sample.Worker");
        try
        {
            var agent = await SeedAsync(host.Services, cancellationToken);
            logger.LogInformation("Agent {Name} ({AgentId}) follows sample accounts {Accounts}; a cycle every {Interval}; Ctrl+C to stop; logs in {LogDirectory}", agent.Name, agent.Id, string.Join(", ", agent.XAccountIds), interval, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(builder.Configuration["Maxxit:Worker:LogDirectory"] ?? "logs", "x"))));
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before the host had started: nothing was in flight.
        }

        logger.LogInformation("Sample worker exited cleanly");
        return 0;
    }

    private static async Task<Agent> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<IMaxxitClient>();
        var agent = await client.CreateAgentAsync(new CreateAgentRequest
        {
            CreatorWallet = "0x1111111111111111111111111111111111111111",
            Name = "Sample Worker Agent",
            XAccountIds = [WorkerSamplePosts.TraderAccount, WorkerSamplePosts.MacroAccount],
            Weights = new AgentWeights(1m, 0m),
        }, cancellationToken);
        foreach (var wallet in new[] { "0x2222222222222222222222222222222222222222", "0x3333333333333333333333333333333333333333" })
        {
            await client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = wallet }, cancellationToken);
        }

        return agent;
    }
}
