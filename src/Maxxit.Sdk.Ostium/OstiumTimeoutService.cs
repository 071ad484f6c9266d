using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// Sends the timeout calls of Ostium orders the oracle never answered (see <see cref="OstiumVenue.SendDueTimeoutsAsync"/>)
/// every <see cref="OstiumOptions.TimeoutSweepInterval"/>. Registered by <c>AddOstium()</c>.
/// </summary>
public sealed class OstiumTimeoutService : BackgroundService
{
    private readonly OstiumVenue _venue;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Creates the service.</summary>
    public OstiumTimeoutService(OstiumVenue venue, TimeProvider time, IOptions<OstiumOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _venue = venue;
        _time = time;
        _interval = options.Value.TimeoutSweepInterval;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await _venue.SendDueTimeoutsAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
