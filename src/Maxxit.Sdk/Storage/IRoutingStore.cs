using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Stats;

namespace Maxxit.Sdk.Storage;

/// <summary>Routing configs (<c>venue_routing_config_v3</c>) and history (<c>venue_routing_history_v3</c>).</summary>
public interface IRoutingStore
{
    /// <summary>Every routing config, the global default included.</summary>
    Task<IReadOnlyList<RoutingConfig>> ListRoutingConfigsAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the config of its agent (or the global default when the agent is null).</summary>
    Task UpsertRoutingConfigAsync(RoutingConfig config, CancellationToken cancellationToken);

    /// <summary>Routing history, newest first, with a summary over all matching rows (not only the returned page).</summary>
    Task<RoutingHistoryPage> GetRoutingHistoryAsync(RoutingHistoryQuery query, CancellationToken cancellationToken);
}
