namespace Maxxit.Sdk.Routing;

/// <summary>What to route.</summary>
/// <param name="TokenSymbol">Upper-case token symbol.</param>
/// <param name="AgentId">The agent, whose routing config applies if it has one.</param>
/// <param name="PreferredVenues">A user's own venue order (venue bias); empty or null means the agent's or global config.</param>
/// <param name="ExcludedVenues">Venues never to pick for this user.</param>
/// <param name="Side">Direction (BEST_EXECUTION: which book side is walked and which side of funding is paid).</param>
/// <param name="NotionalUsd">The order's notional in USD (BEST_EXECUTION); 0 means <see cref="BestExecutionOptions.DefaultNotionalUsd"/>.</param>
/// <param name="HoldingPeriod">Expected holding period for funding and rollover (BEST_EXECUTION); null means <see cref="BestExecutionOptions.DefaultHoldingPeriod"/>.</param>
public readonly record struct RoutingRequest(
    string TokenSymbol,
    Guid? AgentId = null,
    IReadOnlyList<Venue>? PreferredVenues = null,
    IReadOnlyList<Venue>? ExcludedVenues = null,
    TradeSide Side = TradeSide.Long,
    decimal NotionalUsd = 0m,
    TimeSpan? HoldingPeriod = null);
