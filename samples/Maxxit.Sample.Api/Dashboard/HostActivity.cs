using System.Collections.Concurrent;
using Maxxit.Sample.Api.Dashboard.Dtos;
using Maxxit.Sdk;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Workers;

namespace Maxxit.Sample.Api.Dashboard;

/// <summary>
/// What the background services of this host are doing: the signal worker's cycles (from its
/// <see cref="SignalWorker.CycleCompleted"/> event), the position monitor's last reconciliation, and each venue's own
/// health detail (asked at most every <see cref="HealthMaxAge"/>).
/// </summary>
public sealed class HostActivity : IDisposable
{
    /// <summary>How long a venue's health detail is reused.</summary>
    public static readonly TimeSpan HealthMaxAge = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly SignalWorker? _worker;
    private readonly bool _workerRunning;
    private readonly PositionMonitor? _monitor;
    private readonly bool _monitorRunning;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Venue, (string? Detail, long At)> _health = new();
    private WorkerCycleResult? _lastCycle;
    private string? _lastError;
    private int _cycles;
    private int _failedCycles;

    /// <summary>Watches the given services; <paramref name="worker"/> and <paramref name="monitor"/> are null when the host has none.</summary>
    public HostActivity(TimeProvider time, SignalWorker? worker, bool workerRunning, PositionMonitor? monitor, bool monitorRunning)
    {
        _time = time;
        _worker = worker;
        _workerRunning = workerRunning && worker is not null;
        _monitor = monitor;
        _monitorRunning = monitorRunning && monitor is not null;
        if (_worker is not null)
        {
            _worker.CycleCompleted += OnCycle;
        }
    }

    /// <summary>The signal worker's status.</summary>
    public WorkerStatusView Worker()
    {
        lock (_lock)
        {
            return new WorkerStatusView(
                _workerRunning,
                _lastCycle?.StartedAt,
                _lastCycle?.Duration.TotalMilliseconds,
                _cycles,
                _failedCycles,
                _lastError,
                _lastCycle?.SignalIds.Count() ?? 0);
        }
    }

    /// <summary>The position monitor's status.</summary>
    public MonitorStatusView Monitor(int needsReconciliation)
    {
        var report = _monitor?.LastReconciliation;
        return new MonitorStatusView(_monitorRunning, report?.At, report?.AccountsChecked, report?.Mismatches.Count, report?.ClosedExternally.Count, needsReconciliation);
    }

    /// <summary>The adapter's own health detail, cached.</summary>
    public async ValueTask<string?> HealthDetailAsync(IVenueAdapter adapter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        if (_health.TryGetValue(adapter.Venue, out var cached) && _time.GetElapsedTime(cached.At) < HealthMaxAge)
        {
            return cached.Detail;
        }

        string? detail;
        try
        {
            var health = await adapter.GetHealthAsync(cancellationToken);
            detail = health.Detail ?? (health.IsAvailable ? "available" : "unavailable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception type only: a message might carry an endpoint or account detail.
            detail = "health check failed: " + ex.GetType().Name;
        }

        _health[adapter.Venue] = (detail, _time.GetTimestamp());
        return detail;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_worker is not null)
        {
            _worker.CycleCompleted -= OnCycle;
        }
    }

    private void OnCycle(object? sender, WorkerCycleResult result)
    {
        var error = result.Error ?? result.Agents.Select(a => a.Error).FirstOrDefault(e => e is not null);
        lock (_lock)
        {
            _lastCycle = result;
            _cycles++;
            if (error is not null)
            {
                _failedCycles++;
                _lastError = error;
            }
        }
    }
}
