using System.Threading.Channels;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Testing.Workers;

/// <summary>
/// One worker "process": its own service provider over a shared store, sources and clock, running
/// <see cref="SignalWorker.RunAsync"/> in the background. Disposing it (or <see cref="StopAsync"/>) is the restart.
/// </summary>
public sealed class WorkerHarness : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Channel<WorkerCycleResult> _cycles = Channel.CreateUnbounded<WorkerCycleResult>();
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeTimeProvider _time;
    private Task? _run;

    public WorkerHarness(IMaxxitStore store, FakeTimeProvider time, IXPostSource posts, IResearchSource research, Func<ISignalGenerator, RecordingGenerator> generator, bool gateExecutor = false)
    {
        _time = time;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddMaxxitV3()
            .UseStore(_ => store)
            .AddSignalWorker(o => o.Interval = Interval)
            .UseXPostSource(_ => posts)
            .UseResearchSource(_ => research);
        services.AddSingleton<WeightedSignalGenerator>();
        services.Replace(ServiceDescriptor.Singleton<ISignalGenerator>(sp => generator(sp.GetRequiredService<WeightedSignalGenerator>())));
        services.AddSingleton<TradeExecutor>();
        services.Replace(ServiceDescriptor.Singleton<ITradeExecutor>(sp => new GatedExecutor(sp.GetRequiredService<TradeExecutor>()) { Gated = gateExecutor }));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Worker = Services.GetRequiredService<SignalWorker>();
        Worker.CycleCompleted += (_, result) => _cycles.Writer.TryWrite(result);
    }

    public ServiceProvider Services { get; }

    public SignalWorker Worker { get; }

    public GatedExecutor Executor => (GatedExecutor)Services.GetRequiredService<ITradeExecutor>();

    public Task Run => _run ?? throw new InvalidOperationException("not started");

    /// <summary>Starts the worker; its first cycle runs at once.</summary>
    public void Start() => _run = Task.Run(() => Worker.RunAsync(_stop.Token));

    /// <summary>Waits for the next finished cycle.</summary>
    public async Task<WorkerCycleResult> NextCycleAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _cycles.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Moves the clock one interval on and waits for the cycle it triggers.</summary>
    public Task<WorkerCycleResult> AdvanceAsync()
    {
        _time.Advance(Interval);
        return NextCycleAsync();
    }

    /// <summary>Asks the worker to stop (as the host does on SIGTERM).</summary>
    public void RequestStop() => _stop.Cancel();

    /// <summary>Stops the worker and waits until RunAsync returned.</summary>
    public async Task StopAsync()
    {
        _stop.Cancel();
        if (_run is not null)
        {
            await _run.WaitAsync(Patience);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();

        // The provider is deliberately not disposed: it would dispose the store, which the test owns and the next
        // "process" reuses.
    }
}
