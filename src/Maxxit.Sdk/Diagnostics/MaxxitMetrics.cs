using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Maxxit.Sdk.Diagnostics;

/// <summary>The SDK's meter (<c>Maxxit.Sdk</c>): routing duration, trades by outcome, signals generated.</summary>
public sealed class MaxxitMetrics : IDisposable
{
    /// <summary>The meter and activity source name.</summary>
    public const string Name = "Maxxit.Sdk";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _routingDuration;
    private readonly Counter<long> _trades;
    private readonly Counter<long> _signals;

    /// <summary>Creates the instruments on a meter of its own (for use without a container, e.g. in tests).</summary>
    public MaxxitMetrics()
        : this(new Meter(Name), ownsMeter: true)
    {
    }

    /// <summary>Creates the instruments on a meter from the host's <see cref="IMeterFactory"/> (what the container uses).</summary>
    public MaxxitMetrics(IMeterFactory meterFactory)
        : this((meterFactory ?? throw new ArgumentNullException(nameof(meterFactory))).Create(Name), ownsMeter: false)
    {
    }

    private MaxxitMetrics(Meter meter, bool ownsMeter)
    {
        _meter = meter;
        _ownsMeter = ownsMeter;
        _routingDuration = _meter.CreateHistogram<double>("maxxit.routing.duration", "ms", "Time to take one routing decision");
        _trades = _meter.CreateCounter<long>("maxxit.trades", "{trade}", "Trades per deployment by outcome");
        _signals = _meter.CreateCounter<long>("maxxit.signals", "{signal}", "Signals by outcome");
    }

    /// <summary>Traces executions (one activity per signal).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Records one routing decision.</summary>
    public void RecordRouting(Venue? selected, TimeSpan duration)
    {
        if (_routingDuration.Enabled)
        {
            _routingDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("venue", selected is { } v ? v.ToString() : "NONE"));
        }
    }

    /// <summary>Counts one trade outcome for a deployment (opened, rejected, no_venue, failed, duplicate).</summary>
    public void RecordTrade(string outcome, Venue? venue) =>
        _trades.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("venue", venue is { } v ? v.ToString() : "NONE"));

    /// <summary>Counts one signal outcome (generated, skipped: reason).</summary>
    public void RecordSignal(string outcome) => _signals.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Disposes the meter if it is its own; a factory's meters are the factory's to dispose.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
