using System.Collections.Frozen;

namespace Maxxit.Sdk.Routing;

/// <summary>
/// Routing configs held in memory for the router: an immutable snapshot swapped whole on every change, so a decision
/// never sees a half-applied reload.
/// </summary>
public sealed class RoutingConfigCache
{
    private readonly Lock _writeLock = new();
    private int _strategies = 1 << (int)RoutingStrategy.FirstAvailable;
    private Snapshot _snapshot = new(FrozenDictionary<Guid, Entry>.Empty, new Entry([.. RoutingConfig.GlobalDefault.VenuePriority], true, RoutingStrategy.FirstAvailable));

    /// <summary>Replaces every cached config with <paramref name="configs"/> (the global default stays unless one is given).</summary>
    public void Load(IEnumerable<RoutingConfig> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        lock (_writeLock)
        {
            var global = new Entry([.. RoutingConfig.GlobalDefault.VenuePriority], true, RoutingStrategy.FirstAvailable);
            var byAgent = new Dictionary<Guid, Entry>();
            foreach (var config in configs)
            {
                if (config.AgentId is { } agentId)
                {
                    byAgent[agentId] = ToEntry(config);
                }
                else
                {
                    global = ToEntry(config);
                }
            }

            Volatile.Write(ref _snapshot, new Snapshot(byAgent.ToFrozenDictionary(), global));
            _strategies = StrategiesOf(Volatile.Read(ref _snapshot));
        }
    }

    /// <summary>Adds or replaces one config (call after it is stored).</summary>
    public void Set(RoutingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_writeLock)
        {
            var current = Volatile.Read(ref _snapshot);
            var next = config.AgentId is { } agentId
                ? current with { ByAgent = new Dictionary<Guid, Entry>(current.ByAgent) { [agentId] = ToEntry(config) }.ToFrozenDictionary() }
                : current with { Global = ToEntry(config) };
            Volatile.Write(ref _snapshot, next);
            _strategies = StrategiesOf(next);
        }
    }

    /// <summary>The priority and failover flag that apply to an agent (its own config, else the global default).</summary>
    public Venue[] Resolve(Guid? agentId, out bool failoverEnabled) => Resolve(agentId, out failoverEnabled, out _);

    /// <summary>The priority, failover flag and strategy that apply to an agent (its own config, else the global default).</summary>
    public Venue[] Resolve(Guid? agentId, out bool failoverEnabled, out RoutingStrategy strategy)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var entry = agentId is { } id && snapshot.ByAgent.Count > 0 && snapshot.ByAgent.TryGetValue(id, out var own) ? own : snapshot.Global;
        failoverEnabled = entry.Failover;
        strategy = entry.Strategy;
        return entry.Priority;
    }

    /// <summary>Whether the global default or any agent's config uses <paramref name="strategy"/> (e.g. to skip cost refreshes nobody needs).</summary>
    public bool Uses(RoutingStrategy strategy) => (Volatile.Read(ref _strategies) & (1 << (int)strategy)) != 0;

    private static int StrategiesOf(Snapshot snapshot)
    {
        var mask = 1 << (int)snapshot.Global.Strategy;
        foreach (var entry in snapshot.ByAgent.Values)
        {
            mask |= 1 << (int)entry.Strategy;
        }

        return mask;
    }

    private static Entry ToEntry(RoutingConfig config) => new([.. config.VenuePriority], config.FailoverEnabled, config.Strategy);

    private sealed record Entry(Venue[] Priority, bool Failover, RoutingStrategy Strategy);

    private sealed record Snapshot(FrozenDictionary<Guid, Entry> ByAgent, Entry Global);
}
