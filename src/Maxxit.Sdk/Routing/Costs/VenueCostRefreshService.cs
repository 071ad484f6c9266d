using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Routing.Costs;

/// <summary>
/// Runs <see cref="VenueCostRefresher"/> every <see cref="BestExecutionOptions.CostRefreshInterval"/> on the generic host,
/// while some routing config (the global default or an agent's) uses BEST_EXECUTION: nobody else needs the venues'
/// books, and reading them spends the venues' rate limits.
/// </summary>
public sealed class VenueCostRefreshService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly RoutingConfigRefresher _configs;
    private readonly RoutingConfigCache _cache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<VenueCostRefreshService> _logger;

    /// <summary>Creates the service.</summary>
    public VenueCostRefreshService(
        IServiceProvider services,
        RoutingConfigRefresher configs,
        RoutingConfigCache cache,
        TimeProvider time,
        IOptions<BestExecutionOptions> options,
        ILogger<VenueCostRefreshService> logger)
    {
        _services = services;
        _configs = configs;
        _cache = cache;
        _logger = logger;
        _time = time;
        _interval = options.Value.CostRefreshInterval;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved when the host runs, after its start-up validation: a misconfigured host fails with that error first.
        var refresher = _services.GetRequiredService<VenueCostRefresher>();
        if (refresher.Sources().Count == 0)
        {
            return;
        }

        // Created before the first await, so every interval from the start counts, however long the first pass takes.
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                try
                {
                    await _configs.EnsureFreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    _logger.LogWarning(ex, "Routing configs not reloaded before the cost refresh");
                }

                if (_cache.Uses(RoutingStrategy.BestExecution))
                {
                    await refresher.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
