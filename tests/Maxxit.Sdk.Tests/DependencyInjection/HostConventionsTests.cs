using System.Diagnostics.Metrics;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Tests.Sources;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Tests.DependencyInjection;

/// <summary>The SDK takes the host's logging, metrics and HTTP clients, and checks options without a generic host too.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HostConventionsTests
{
    [Fact]
    public async Task AddLogging_with_the_console_after_AddMaxxitV3_shows_the_executors_log_lines()
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(captured));
        Guid signalId;
        try
        {
            var services = new ServiceCollection();
            services.AddMaxxitV3();
            services.AddLogging(b => b.AddConsole());
            await using (var sp = services.BuildServiceProvider())
            {
                signalId = await TradeOnceAsync(sp);
            }

            // Disposing the provider flushes the console logger's queue.
        }
        finally
        {
            Console.SetOut(original);
        }

        var output = captured.ToString();
        Assert.Contains("Maxxit.Sdk.Execution.TradeExecutor", output, StringComparison.Ordinal);
        Assert.Contains($"Signal {signalId} ETH", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logging_provider_added_after_AddMaxxitV3_receives_the_executors_lines()
    {
        var sink = new SinkProvider();
        var services = new ServiceCollection();
        services.AddMaxxitV3();
        services.AddLogging(b => b.AddProvider(sink));
        await using var sp = services.BuildServiceProvider();

        var signalId = await TradeOnceAsync(sp);

        Assert.Contains(sink.Lines, l => l.Category == "Maxxit.Sdk.Execution.TradeExecutor" && l.Message.Contains(signalId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Meters_come_from_the_hosts_meter_factory()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddSignalWorker();
        await using var sp = services.BuildServiceProvider();
        var factory = sp.GetRequiredService<IMeterFactory>();
        var trades = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == "maxxit.trades")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref trades, value));
        listener.Start();

        sp.GetRequiredService<MaxxitMetrics>();
        await TradeOnceAsync(sp);

        Assert.Equal(1, Interlocked.Read(ref trades));
        Assert.Same(factory, sp.GetRequiredService<WorkerMetrics>().Meter.Scope);
    }

    [Fact]
    public void Without_a_generic_host_a_wrong_option_is_a_clear_error_at_first_resolution()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddSignalWorker(o => o.Interval = TimeSpan.Zero);
        using var sp = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IMaxxitClient>());

        Assert.Contains(error.Failures, f => f.StartsWith("Interval: must be between", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_research_feed_client_comes_from_IHttpClientFactory_and_retries_a_transient_failure()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer(_ => Interlocked.Increment(ref calls) == 1
            ? new(503, "busy")
            : new(200, """[{"id": "r1", "institute_id": "inst-1", "token": "ETH", "side": "BUY", "reasoning": "inflows", "created_at": "2026-11-24T10:00:00Z"}]"""));
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddResearchFeed(o => o.BaseAddress = server.BaseAddress);
        var seen = 0;
        services.AddHttpClient(MaxxitWorkerBuilderExtensions.ResearchHttpClient).ConfigureHttpClient(_ => Interlocked.Increment(ref seen));
        await using var sp = services.BuildServiceProvider();

        var items = await sp.GetRequiredService<IResearchSource>().GetResearchAsync("inst-1", null, default);

        Assert.Equal("r1", Assert.Single(items).Id);
        Assert.Equal(2, calls);
        Assert.True(seen > 0, "the host's configuration of the named client was not applied");
    }

    private static async Task<Guid> TradeOnceAsync(IServiceProvider sp)
    {
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");
        await client.ExecuteTradeAsync(signal.Id);
        return signal.Id;
    }

    private sealed class SinkProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Category, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Sink(SinkProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((category, formatter(state, exception)));
        }
    }
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
