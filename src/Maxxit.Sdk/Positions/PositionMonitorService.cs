using Microsoft.Extensions.Hosting;

namespace Maxxit.Sdk.Positions;

/// <summary>Runs the <see cref="PositionMonitor"/> in a generic host (registered by <c>AddPositionMonitor()</c>).</summary>
public sealed class PositionMonitorService : BackgroundService
{
    private readonly PositionMonitor _monitor;

    /// <summary>Creates the service.</summary>
    public PositionMonitorService(PositionMonitor monitor) => _monitor = monitor;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _monitor.RunAsync(stoppingToken);
}
