using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Stats;

namespace Maxxit.Sample.Console;

/// <summary>What the demo flow did, for the exit code and for tests.</summary>
/// <param name="Executions">Each signal's execution, in order.</param>
/// <param name="History">The routing history page the flow printed.</param>
/// <param name="Overview">The overview stats it printed.</param>
public sealed record DemoReport(IReadOnlyList<ExecutionResult> Executions, RoutingHistoryPage History, OverviewStats Overview)
{
    /// <summary>Every signal reached a final state (executed or skipped with a reason); none failed.</summary>
    public bool Succeeded => Executions.All(e => e.Status is Maxxit.Sdk.Signals.SignalStatus.Executed or Maxxit.Sdk.Signals.SignalStatus.Skipped);
}
