using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// What the policy and the router decided for one deployment: a finished outcome, or an order to reserve and place.
/// A finished outcome decided before the signal was claimed carries its records (<see cref="NoTradeRouting"/>,
/// <see cref="NoTradePolicy"/>), written once it is.
/// </summary>
internal sealed record Plan(
    DeploymentExecution? Done,
    ExecutionReservation? Reservation = null,
    AgentDeployment? Deployment = null,
    MarketInfo? Market = null,
    TradeIntent? Trade = null,
    PolicyDecision? Decision = null,
    RoutingDecision? Routing = null,
    RoutingRecord? NoTradeRouting = null,
    PolicyRecord? NoTradePolicy = null);
