using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Storage;

/// <summary>Signals (<c>signals_v3</c>) and their claims by executors.</summary>
public interface ISignalStore
{
    /// <summary>Stores a new signal.</summary>
    /// <exception cref="Errors.MaxxitNotFoundException">The agent does not exist.</exception>
    Task CreateSignalAsync(Signal signal, CancellationToken cancellationToken);

    /// <summary>Stores signals a worker produced and advances the agent's source cursor in the same transaction, so that no source item is used twice or lost.</summary>
    Task CreateSignalsWithCursorAsync(IReadOnlyList<Signal> signals, SourceCursor cursor, CancellationToken cancellationToken);

    /// <summary>The agent's source cursor (empty when none yet).</summary>
    Task<SourceCursor> GetCursorAsync(Guid agentId, CancellationToken cancellationToken);

    /// <summary>The signal, or null.</summary>
    Task<Signal?> GetSignalAsync(Guid signalId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one signal for execution: PENDING, or EXECUTING with a lapsed lease, becomes EXECUTING until
    /// <paramref name="now"/> + <paramref name="lease"/>. Returns the claimed signal, or null when it is not claimable.
    /// </summary>
    Task<Signal?> TryClaimSignalAsync(Guid signalId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> claimable signals, oldest first, without waiting on rows other executors hold.</summary>
    Task<IReadOnlyList<Signal>> ClaimPendingSignalsAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the signal's outcome and releases its claim.</summary>
    Task CompleteSignalAsync(SignalCompletion completion, CancellationToken cancellationToken);
}
