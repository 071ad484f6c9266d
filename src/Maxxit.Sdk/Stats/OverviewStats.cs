using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Stats;

/// <summary>System-wide counts.</summary>
public sealed record OverviewStats
{
    /// <summary>Agents.</summary>
    public required int Agents { get; init; }

    /// <summary>Agents in ACTIVE state.</summary>
    public required int ActiveAgents { get; init; }

    /// <summary>Deployments.</summary>
    public required int Deployments { get; init; }

    /// <summary>Signals.</summary>
    public required int Signals { get; init; }

    /// <summary>Positions in any state.</summary>
    public required int Positions { get; init; }

    /// <summary>Positions OPEN (or OPENING/CLOSING).</summary>
    public required int OpenPositions { get; init; }

    /// <summary>Positions CLOSED.</summary>
    public required int ClosedPositions { get; init; }

    /// <summary>Positions per lifecycle state, every <see cref="PositionStatus"/> present (0 when none).</summary>
    public IReadOnlyDictionary<PositionStatus, int> PositionsByStatus { get; init; } = PositionStatusCounts.Complete([]);

    /// <summary>Sum of realized PnL, USD.</summary>
    public required decimal TotalPnl { get; init; }

    /// <summary>Routing decisions: total, per venue, average time.</summary>
    public required RoutingStats Routing { get; init; }

    /// <summary>(signal, deployment) pairs refused by policy, per rule.</summary>
    public required IReadOnlyDictionary<string, int> PolicyRejectionsByRule { get; init; }
}
