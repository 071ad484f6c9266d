namespace Maxxit.Sdk.Routing;

/// <summary>What to route.</summary>
/// <param name="TokenSymbol">Upper-case token symbol.</param>
/// <param name="AgentId">The agent, whose routing config applies if it has one.</param>
/// <param name="PreferredVenues">A user's own venue order (venue bias); empty or null means the agent's or global config.</param>
/// <param name="ExcludedVenues">Venues never to pick for this user.</param>
public readonly record struct RoutingRequest(
    string TokenSymbol,
    Guid? AgentId = null,
    IReadOnlyList<Venue>? PreferredVenues = null,
    IReadOnlyList<Venue>? ExcludedVenues = null);
