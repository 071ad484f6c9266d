namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>Everything the operator dashboard shows, in one answer of <c>GET /api/v3/dashboard</c>.</summary>
/// <param name="GeneratedAt">When the snapshot was taken (server clock).</param>
/// <param name="Totals">System-wide counts and PnL.</param>
/// <param name="Routing">Routing share per venue.</param>
/// <param name="PositionsByStatus">Positions per lifecycle state, every state listed in lifecycle order.</param>
/// <param name="OpenPositions">OPEN and CLOSING positions, newest first, with current price and unrealized PnL.</param>
/// <param name="RecentActivity">The latest routing decisions, newest first.</param>
/// <param name="Agents">Per agent, newest first.</param>
/// <param name="SignalWorker">The signal worker of this host.</param>
/// <param name="PositionMonitor">The position monitor of this host.</param>
/// <param name="Venues">Each venue with an adapter: health and listed markets.</param>
public sealed record DashboardSnapshot(
    DateTimeOffset GeneratedAt,
    DashboardTotals Totals,
    DashboardRouting Routing,
    IReadOnlyList<PositionStateCount> PositionsByStatus,
    IReadOnlyList<OpenPositionView> OpenPositions,
    IReadOnlyList<ActivityRow> RecentActivity,
    IReadOnlyList<AgentPanel> Agents,
    WorkerStatusView SignalWorker,
    MonitorStatusView PositionMonitor,
    IReadOnlyList<VenueHealthView> Venues);
