namespace Maxxit.Sdk.Routing;

/// <summary>Agent Where: picks the venue for one trade from in-memory market lists and routing configs (never the store or network).</summary>
public interface IVenueRouter
{
    /// <summary>Routes a trade. Deterministic for the same catalog, configs and health.</summary>
    RoutingDecision Route(in RoutingRequest request);
}
