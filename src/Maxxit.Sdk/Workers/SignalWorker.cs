using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Workers;

/// <summary>
/// The automated signal worker: every <see cref="SignalWorkerOptions.Interval"/> (30 s by default), for each ACTIVE
/// agent, reads new X posts and research since the agent's cursor, generates signals per token, stores them together
/// with the advanced cursor, and executes them. One agent's failure is logged and the others go on. A stop lets the
/// batch in flight (stored signals and their execution) finish. Run it with <see cref="RunAsync"/> or as a hosted
/// <see cref="BackgroundService"/>. Run one worker per store: two workers on the same agents would both consume the
/// same items.
/// </summary>
public sealed class SignalWorker : BackgroundService
{
    private readonly IAgentStore _agents;
    private readonly ITradeExecutor _executor;
    private readonly IMarketCatalog _catalog;
    private readonly SignalWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger<SignalWorker> _logger;
    private readonly AgentCycle _cycle;
    private readonly SemaphoreSlim _oneCycleAtATime = new(1, 1);

    /// <summary>Creates the worker.</summary>
    public SignalWorker(
        IMaxxitStore store,
        IXPostSource posts,
        IResearchSource research,
        IMarketContextProvider market,
        ITokenMentionExtractor mentions,
        IMarketCatalog catalog,
        ISignalGenerator generator,
        ITradeExecutor executor,
        IOptions<SignalWorkerOptions> options,
        TimeProvider time,
        WorkerMetrics metrics,
        ILogger<SignalWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _agents = store;
        _executor = executor;
        _catalog = catalog;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _cycle = new AgentCycle(store, posts, research, market, mentions, catalog, generator, executor, _options, time, metrics, logger);
    }

    /// <summary>Raised after every cycle with what it did (for monitoring and tests).</summary>
    public event EventHandler<WorkerCycleResult>? CycleCompleted;

    /// <summary>Runs cycles until <paramref name="cancellationToken"/> is cancelled; the first at once, then one per interval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Signal worker started: a cycle every {Interval}", _options.Interval);
        try
        {
            // A periodic timer keeps a fixed rate and remembers a tick that fell due during a long cycle.
            using var timer = new PeriodicTimer(_options.Interval, _time);
            do
            {
                await RunCycleAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        _logger.LogInformation("Signal worker stopped");
    }

    /// <summary>
    /// Runs one cycle over all ACTIVE agents. Never throws for an agent's or a source's failure (they are logged and in
    /// the result); throws <see cref="OperationCanceledException"/> only when stopped.
    /// </summary>
    public async Task<WorkerCycleResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        // Two overlapping cycles (RunAsync plus a manual call) would both read the same cursors and use items twice.
        await _oneCycleAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunCycleCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneCycleAtATime.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _oneCycleAtATime.Dispose();
        base.Dispose();
    }

    private async Task<WorkerCycleResult> RunCycleCoreAsync(CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var results = new List<AgentCycleResult>();
        string? error = null;
        try
        {
            await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
            await ResumePendingAsync(cancellationToken).ConfigureAwait(false);
            var agents = await _agents.ListAgentsAsync(new AgentQuery(Status: AgentStatus.Active), cancellationToken).ConfigureAwait(false);
            foreach (var agent in agents.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id))
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(await RunAgentAsync(agent, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = ex.Message;
            _logger.LogError(ex, "Signal worker cycle failed; retrying next cycle");
        }

        var result = new WorkerCycleResult(startedAt, _time.GetElapsedTime(started), results, error);
        _metrics.CycleCompleted(result.Duration);
        if (results.Any(r => r.PostsRead + r.ResearchRead > 0) || error is not null)
        {
            _logger.LogInformation("Cycle done in {Duration} ms: {Agents} agents, {Posts} posts, {Research} research calls, {Signals} signals, {Failures} agent failures", (long)result.Duration.TotalMilliseconds, results.Count, results.Sum(r => r.PostsRead), results.Sum(r => r.ResearchRead), results.Sum(r => r.SignalIds.Count), results.Count(r => r.Error is not null));
        }

        CycleCompleted?.Invoke(this, result);
        return result;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    private async Task<AgentCycleResult> RunAgentAsync(Agent agent, CancellationToken cancellationToken)
    {
        try
        {
            return await _cycle.RunAsync(agent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.AgentFailed();
            _logger.LogError(ex, "Agent {AgentId} ({Name}): cycle failed, its cursor is unchanged and the same items are retried next cycle", agent.Id, agent.Name);
            return new AgentCycleResult(agent.Id, 0, 0, [], 0, ex.Message);
        }
    }

    private async Task ResumePendingAsync(CancellationToken cancellationToken)
    {
        if (_options.ResumePendingSignals == 0 || !_options.ExecuteSignals)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var resumed = await _executor.ExecutePendingAsync(_options.ResumePendingSignals, CancellationToken.None).ConfigureAwait(false);
            if (resumed.Count > 0)
            {
                _logger.LogInformation("Resumed {Count} pending signals", resumed.Count);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Resuming pending signals failed; retrying next cycle");
        }

        if (_options.HelpWithFanOutOrders == 0 || _executor is not IFanOutHelper helper)
        {
            return;
        }

        try
        {
            // Other hosts' wide fan-outs: their reserved, unsent orders are claimed and placed here too.
            await helper.HelpWithFanOutsAsync(_options.HelpWithFanOutOrders, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Helping with fan-outs failed; retrying next cycle");
        }
    }
}
