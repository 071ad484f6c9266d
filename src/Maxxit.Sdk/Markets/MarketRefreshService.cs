using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Markets;

/// <summary>
/// Keeps the market catalog fresh in the background (every <see cref="MaxxitOptions.MarketRefreshInterval"/>), so
/// that no execution ever waits on a venue's market list. Registered by <c>AddMaxxitV3()</c>; without a generic host,
/// the catalog is loaded once on first use and refreshed by calling <see cref="IMarketCatalog.EnsureFreshAsync"/>.
/// </summary>
public sealed class MarketRefreshService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<MarketRefreshService> _logger;

    /// <summary>Creates the service.</summary>
    public MarketRefreshService(IServiceProvider services, IOptions<MaxxitOptions> options, TimeProvider time, ILogger<MarketRefreshService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _time = time;
        _interval = options.Value.MarketRefreshInterval;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved when the host runs, after its start-up validation: a misconfigured host fails with that error first.
        var catalog = _services.GetRequiredService<IMarketCatalog>();
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                try
                {
                    await catalog.EnsureFreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "Market refresh failed; the previous markets stay in use");
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
