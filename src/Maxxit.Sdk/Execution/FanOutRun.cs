using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Execution;

/// <summary>One run of a signal's fan-out: per deployment (by index) its plan, reservation and execution. Thread-safe per index.</summary>
internal sealed class FanOutRun(Signal signal, IReadOnlyList<AgentDeployment> deployments, IReadOnlyDictionary<Guid, Position> existing)
{
    // Small and short-lived (one signal's deployments): a dictionary under a lock, made on first use, costs far less than a
    // ConcurrentDictionary per signal.
    private readonly Lock _lock = new();
    private Dictionary<Guid, DeploymentExecution>? _written;

    /// <summary>The signal under the claim this run holds (or is about to take).</summary>
    public Signal Signal { get; set; } = signal;

    public IReadOnlyList<AgentDeployment> Deployments { get; } = deployments;

    /// <summary>Positions an earlier run left, by deployment: resumed, not decided again.</summary>
    public IReadOnlyDictionary<Guid, Position> Existing { get; } = existing;

    public Plan?[] Plans { get; } = new Plan?[deployments.Count];

    public decimal?[] AccountValues { get; } = new decimal?[deployments.Count];

    public ReservationResult?[] Reserved { get; } = new ReservationResult?[deployments.Count];

    /// <summary>Each deployment's execution as its step returned it (before its outcome was written).</summary>
    public DeploymentExecution[] Outcomes { get; } = new DeploymentExecution[deployments.Count];

    /// <summary>The deployments with an order planned and not reserved yet.</summary>
    public int[] Unreserved()
    {
        var count = 0;
        for (var i = 0; i < Plans.Length; i++)
        {
            if (Plans[i] is { Done: null } && Reserved[i] is null)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var unreserved = new int[count];
        count = 0;
        for (var i = 0; i < Plans.Length; i++)
        {
            if (Plans[i] is { Done: null } && Reserved[i] is null)
            {
                unreserved[count++] = i;
            }
        }

        return unreserved;
    }

    /// <summary>Records executions whose outcomes were written (or refused); they replace what the steps returned.</summary>
    public void Apply(List<DeploymentExecution> executions)
    {
        lock (_lock)
        {
            _written ??= new Dictionary<Guid, DeploymentExecution>(executions.Count);
            foreach (var e in executions)
            {
                _written[e.DeploymentId] = e;
            }
        }
    }

    /// <summary>Each deployment's execution as it now stands.</summary>
    public DeploymentExecution[] Results()
    {
        var results = new DeploymentExecution[Outcomes.Length];
        lock (_lock)
        {
            for (var i = 0; i < results.Length; i++)
            {
                var o = Outcomes[i];
                results[i] = o is not null && _written is not null && _written.TryGetValue(o.DeploymentId, out var w) ? w : o!;
            }
        }

        return results;
    }
}
