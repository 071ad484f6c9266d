namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>System-wide counts (from the store's counters) and PnL.</summary>
/// <param name="Agents">Agents.</param>
/// <param name="ActiveAgents">Agents ACTIVE.</param>
/// <param name="Deployments">Deployments.</param>
/// <param name="Signals">Signals.</param>
/// <param name="Positions">Positions in any state but FAILED.</param>
/// <param name="OpenPositions">Positions reserved, open or closing.</param>
/// <param name="ClosedPositions">Positions closed.</param>
/// <param name="RealizedPnl">Realized PnL of closed positions, USD.</param>
/// <param name="UnrealizedPnl">Unrealized PnL of the listed open positions that have a price, USD.</param>
/// <param name="PolicyRejections">(signal, deployment) pairs refused by a policy rule.</param>
public sealed record DashboardTotals(
    int Agents,
    int ActiveAgents,
    int Deployments,
    int Signals,
    int Positions,
    int OpenPositions,
    int ClosedPositions,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    int PolicyRejections);
