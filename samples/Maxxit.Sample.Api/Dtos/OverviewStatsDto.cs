using Maxxit.Sdk.Stats;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>The original's <c>{agents, signals, positions, routing}</c>, plus open/closed positions, total PnL and policy refusals per rule.</summary>
public sealed record OverviewStatsDto(
    int Agents,
    int Signals,
    int Positions,
    RoutingStatsDto Routing,
    int ActiveAgents,
    int Deployments,
    int OpenPositions,
    int ClosedPositions,
    decimal TotalPnl,
    IReadOnlyDictionary<string, int> PolicyRejectionsByRule)
{
    public static OverviewStatsDto From(OverviewStats stats) => new(
        stats.Agents,
        stats.Signals,
        stats.Positions,
        RoutingStatsDto.From(stats.Routing),
        stats.ActiveAgents,
        stats.Deployments,
        stats.OpenPositions,
        stats.ClosedPositions,
        stats.TotalPnl,
        stats.PolicyRejectionsByRule);
}
