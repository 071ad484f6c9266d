using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Routing.Costs;

/// <summary>Runs <see cref="VenueCostRefresher"/> every <see cref="BestExecutionOptions.CostRefreshInterval"/> on the generic host.</summary>
public sealed class VenueCostRefreshService : BackgroundService
{
    private readonly VenueCostRefresher _refresher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Creates the service.</summary>
    public VenueCostRefreshService(VenueCostRefresher refresher, TimeProvider time, IOptions<BestExecutionOptions> options)
    {
        _refresher = refresher;
        _time = time;
        _interval = options.Value.CostRefreshInterval;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_refresher.Sources().Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await _refresher.RefreshAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(_interval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
