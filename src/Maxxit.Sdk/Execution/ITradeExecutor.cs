namespace Maxxit.Sdk.Execution;

/// <summary>Executes signals: per ACTIVE deployment, policy → route → order → position, exactly once per (signal, deployment).</summary>
public interface ITradeExecutor
{
    /// <summary>Executes one signal. Executing a finished signal again returns its outcome and places nothing.</summary>
    /// <exception cref="Errors.MaxxitNotFoundException">No such signal (field <c>signal_id</c>).</exception>
    Task<ExecutionResult> ExecuteAsync(Guid signalId, CancellationToken cancellationToken);

    /// <summary>Claims and executes up to <paramref name="maxSignals"/> pending signals (or ones whose claim lapsed).</summary>
    Task<IReadOnlyList<ExecutionResult>> ExecutePendingAsync(int maxSignals, CancellationToken cancellationToken);
}
