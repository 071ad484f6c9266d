namespace Maxxit.Sdk.Routing;

/// <summary>How the router picks among venues.</summary>
public enum RoutingStrategy
{
    /// <summary>The first venue in priority order that lists the token (and is healthy, with failover on).</summary>
    FirstAvailable = 0,
}
