using Maxxit.Sdk.Execution;

namespace Maxxit.Sdk.Testing.Workers;

/// <summary>Wraps the executor; while gated, each execution waits until the gate opens (ignoring cancellation, as a real order would).</summary>
public sealed class GatedExecutor(ITradeExecutor inner) : ITradeExecutor
{
    private int _executions;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Gated { get; set; }

    public int Executions => Volatile.Read(ref _executions);

    public async Task<ExecutionResult> ExecuteAsync(Guid signalId, CancellationToken cancellationToken)
    {
        if (Gated)
        {
            Entered.TrySetResult();
            await Gate.Task;
        }

        var result = await inner.ExecuteAsync(signalId, cancellationToken);
        Interlocked.Increment(ref _executions);
        return result;
    }

    public Task<IReadOnlyList<ExecutionResult>> ExecutePendingAsync(int maxSignals, CancellationToken cancellationToken) => inner.ExecutePendingAsync(maxSignals, cancellationToken);
}
