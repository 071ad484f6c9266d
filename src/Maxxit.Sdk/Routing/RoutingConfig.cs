namespace Maxxit.Sdk.Routing;

/// <summary>Routing preferences (<c>venue_routing_config_v3</c>): the global default when <see cref="AgentId"/> is null.</summary>
public sealed record RoutingConfig
{
    /// <summary>Config id.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The agent it applies to; null for the global default.</summary>
    public Guid? AgentId { get; init; }

    /// <summary>Venues in the order they are checked.</summary>
    public required IReadOnlyList<Venue> VenuePriority { get; init; }

    /// <summary>Strategy.</summary>
    public RoutingStrategy Strategy { get; init; } = RoutingStrategy.FirstAvailable;

    /// <summary>When a venue that lists the token is unhealthy, move on to the next one (else: no trade).</summary>
    public bool FailoverEnabled { get; init; } = true;

    /// <summary>The global default: HYPERLIQUID then OSTIUM, first available, failover on.</summary>
    public static RoutingConfig GlobalDefault { get; } = new() { Id = Guid.Empty, VenuePriority = [Venue.Hyperliquid, Venue.Ostium] };
}
