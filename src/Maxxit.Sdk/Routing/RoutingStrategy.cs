namespace Maxxit.Sdk.Routing;

/// <summary>How the router picks among venues.</summary>
public enum RoutingStrategy
{
    /// <summary>The first venue in priority order that lists the token (and is healthy, with failover on).</summary>
    FirstAvailable = 0,

    /// <summary>
    /// The eligible venue with the lowest expected cost of this order (taker fee, half spread and book impact, funding
    /// or rollover over the holding period, fixed per-order fees), from in-memory cost snapshots; ties and venues without
    /// fresh cost data go by priority order.
    /// </summary>
    BestExecution = 1,
}
