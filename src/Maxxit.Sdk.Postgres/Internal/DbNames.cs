using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>
/// The text stored for each domain enum. Written out by hand so that renaming a C# member can never silently change
/// what is in the database; an undefined value is refused with the field it came from.
/// </summary>
internal static class DbNames
{
    public static string Venue(Venue v, string field) => v.IsNone ? throw new MaxxitValidationException(field, "default(Venue) names no venue") : v.Name;

    // A label of the database's enum: an adapter registered on some host added it, so it is a venue even when this
    // process has no adapter for it (rows of it are read, never routed to).
    public static Venue ParseVenue(string s) => Sdk.Venue.TryParse(s, out var v) ? v : Sdk.Venue.Of(s);

    public static string Side(TradeSide s, string field = "side") => s switch
    {
        TradeSide.Long => "LONG",
        TradeSide.Short => "SHORT",
        _ => throw Bad(field, s),
    };

    public static TradeSide ParseSide(string s) => s switch
    {
        "LONG" => TradeSide.Long,
        "SHORT" => TradeSide.Short,
        _ => throw Corrupt("side", s),
    };

    public static string AgentStatus(AgentStatus s) => s switch
    {
        Agents.AgentStatus.Draft => "DRAFT",
        Agents.AgentStatus.Active => "ACTIVE",
        Agents.AgentStatus.Paused => "PAUSED",
        _ => throw Bad("status", s),
    };

    public static AgentStatus ParseAgentStatus(string s) => s switch
    {
        "DRAFT" => Agents.AgentStatus.Draft,
        "ACTIVE" => Agents.AgentStatus.Active,
        "PAUSED" => Agents.AgentStatus.Paused,
        _ => throw Corrupt("agent status", s),
    };

    public static string DeploymentStatus(DeploymentStatus s) => s switch
    {
        Agents.DeploymentStatus.Active => "ACTIVE",
        Agents.DeploymentStatus.Paused => "PAUSED",
        _ => throw Bad("status", s),
    };

    public static DeploymentStatus ParseDeploymentStatus(string s) => s switch
    {
        "ACTIVE" => Agents.DeploymentStatus.Active,
        "PAUSED" => Agents.DeploymentStatus.Paused,
        _ => throw Corrupt("deployment status", s),
    };

    public static string SignalStatus(SignalStatus s) => s switch
    {
        Signals.SignalStatus.Pending => "PENDING",
        Signals.SignalStatus.Executing => "EXECUTING",
        Signals.SignalStatus.Executed => "EXECUTED",
        Signals.SignalStatus.Skipped => "SKIPPED",
        Signals.SignalStatus.Failed => "FAILED",
        _ => throw Bad("status", s),
    };

    public static SignalStatus ParseSignalStatus(string s) => s switch
    {
        "PENDING" => Signals.SignalStatus.Pending,
        "EXECUTING" => Signals.SignalStatus.Executing,
        "EXECUTED" => Signals.SignalStatus.Executed,
        "SKIPPED" => Signals.SignalStatus.Skipped,
        "FAILED" => Signals.SignalStatus.Failed,
        _ => throw Corrupt("signal status", s),
    };

    public static string PositionStatus(PositionStatus s) => s switch
    {
        Positions.PositionStatus.Reserved => "RESERVED",
        Positions.PositionStatus.Open => "OPEN",
        Positions.PositionStatus.Closing => "CLOSING",
        Positions.PositionStatus.Closed => "CLOSED",
        Positions.PositionStatus.Failed => "FAILED",
        Positions.PositionStatus.Submitted => "SUBMITTED",
        Positions.PositionStatus.PendingFill => "PENDING_FILL",
        Positions.PositionStatus.Cancelled => "CANCELLED",
        Positions.PositionStatus.NeedsReconciliation => "NEEDS_RECONCILIATION",
        _ => throw Bad("status", s),
    };

    public static PositionStatus ParsePositionStatus(string s) => s switch
    {
        "RESERVED" => Positions.PositionStatus.Reserved,
        "OPEN" => Positions.PositionStatus.Open,
        "CLOSING" => Positions.PositionStatus.Closing,
        "CLOSED" => Positions.PositionStatus.Closed,
        "FAILED" => Positions.PositionStatus.Failed,
        "SUBMITTED" => Positions.PositionStatus.Submitted,
        "PENDING_FILL" => Positions.PositionStatus.PendingFill,
        "CANCELLED" => Positions.PositionStatus.Cancelled,
        "NEEDS_RECONCILIATION" => Positions.PositionStatus.NeedsReconciliation,
        _ => throw Corrupt("position status", s),
    };

    public static string CloseReason(CloseReason r) => r switch
    {
        Positions.CloseReason.TrailingStop => "TRAILING_STOP",
        Positions.CloseReason.StopLoss => "STOP_LOSS",
        Positions.CloseReason.TakeProfit => "TAKE_PROFIT",
        Positions.CloseReason.Manual => "MANUAL",
        Positions.CloseReason.External => "EXTERNAL",
        _ => throw Bad("close_reason", r),
    };

    public static CloseReason ParseCloseReason(string s) => s switch
    {
        "TRAILING_STOP" => Positions.CloseReason.TrailingStop,
        "STOP_LOSS" => Positions.CloseReason.StopLoss,
        "TAKE_PROFIT" => Positions.CloseReason.TakeProfit,
        "MANUAL" => Positions.CloseReason.Manual,
        "EXTERNAL" => Positions.CloseReason.External,
        _ => throw Corrupt("close reason", s),
    };

    public static string Outcome(PolicyOutcome o) => o switch
    {
        PolicyOutcome.Accepted => "ACCEPTED",
        PolicyOutcome.Adjusted => "ADJUSTED",
        PolicyOutcome.Rejected => "REJECTED",
        _ => throw Bad("outcome", o),
    };

    public static PolicyOutcome ParseOutcome(string s) => s switch
    {
        "ACCEPTED" => PolicyOutcome.Accepted,
        "ADJUSTED" => PolicyOutcome.Adjusted,
        "REJECTED" => PolicyOutcome.Rejected,
        _ => throw Corrupt("policy outcome", s),
    };

    public static string Strategy(RoutingStrategy s) => s switch
    {
        RoutingStrategy.FirstAvailable => "FIRST_AVAILABLE",
        RoutingStrategy.BestExecution => "BEST_EXECUTION",
        _ => throw Bad("routing_strategy", s),
    };

    public static RoutingStrategy ParseStrategy(string s) => s switch
    {
        "FIRST_AVAILABLE" => RoutingStrategy.FirstAvailable,
        "BEST_EXECUTION" => RoutingStrategy.BestExecution,
        _ => throw Corrupt("routing strategy", s),
    };

    private static MaxxitValidationException Bad<T>(string field, T value)
        where T : struct, Enum => new(field, $"{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)} is not a defined {typeof(T).Name}");

    private static InvalidOperationException Corrupt(string what, string value) => new($"Unexpected {what} '{value}' in the database");
}
