using System.Diagnostics.Metrics;
using Maxxit.Sdk.Diagnostics;

namespace Maxxit.Sdk.Workers;

/// <summary>
/// The signal worker's instruments on the SDK's meter (<see cref="MaxxitMetrics.Name"/>): posts and research read,
/// signals generated, inputs skipped by reason, agent failures and cycle duration.
/// </summary>
public sealed class WorkerMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _posts;
    private readonly Counter<long> _research;
    private readonly Counter<long> _generated;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _agentFailures;
    private readonly Histogram<double> _cycle;

    /// <summary>Creates the instruments on a meter of its own (for use without a container, e.g. in tests).</summary>
    public WorkerMetrics()
        : this(new Meter(MaxxitMetrics.Name), ownsMeter: true)
    {
    }

    /// <summary>Creates the instruments on a meter from the host's <see cref="IMeterFactory"/> (what the container uses).</summary>
    public WorkerMetrics(IMeterFactory meterFactory)
        : this((meterFactory ?? throw new ArgumentNullException(nameof(meterFactory))).Create(MaxxitMetrics.Name), ownsMeter: false)
    {
    }

    private WorkerMetrics(Meter meter, bool ownsMeter)
    {
        _meter = meter;
        _ownsMeter = ownsMeter;
        _posts = _meter.CreateCounter<long>("maxxit.worker.posts_read", "{post}", "X posts read by the signal worker");
        _research = _meter.CreateCounter<long>("maxxit.worker.research_read", "{item}", "Research calls read by the signal worker");
        _generated = _meter.CreateCounter<long>("maxxit.worker.signals_generated", "{signal}", "Signals the worker generated and stored");
        _skipped = _meter.CreateCounter<long>("maxxit.worker.skipped", "{item}", "Inputs or token groups that produced no signal, by reason");
        _agentFailures = _meter.CreateCounter<long>("maxxit.worker.agent_failures", "{failure}", "Agent cycles that failed (logged; the other agents go on)");
        _cycle = _meter.CreateHistogram<double>("maxxit.worker.cycle.duration", "ms", "Duration of one worker cycle over all active agents");
    }

    /// <summary>The meter, so that tests can listen to this instance only.</summary>
    internal Meter Meter => _meter;

    /// <summary>Counts posts read.</summary>
    public void PostsRead(int count) => _posts.Add(count);

    /// <summary>Counts research calls read.</summary>
    public void ResearchRead(int count) => _research.Add(count);

    /// <summary>Counts signals stored.</summary>
    public void SignalsGenerated(int count) => _generated.Add(count);

    /// <summary>Counts one skip with a short reason code, e.g. <c>no_token</c>, <c>no_signal</c>, <c>llm_unparsable</c>.</summary>
    public void Skipped(string reason) => _skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Counts a failed agent cycle.</summary>
    public void AgentFailed() => _agentFailures.Add(1);

    /// <summary>Records a cycle's duration.</summary>
    public void CycleCompleted(TimeSpan duration) => _cycle.Record(duration.TotalMilliseconds);

    /// <summary>Disposes the meter if it is its own; a factory's meters are the factory's to dispose.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
