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
    /// Claims one signal for execution: PENDING, or EXECUTING with a lapsed lease, becomes EXECUTING until now +
    /// <paramref name="lease"/>, with a new <see cref="Signal.Fence"/>. Returns the claimed signal, or null when it is
    /// not claimable. A durable store judges "now" and lapses by its own clock, so that clock skew between hosts cannot
    /// hand live work to a second host; <paramref name="now"/> is the in-memory store's clock.
    /// </summary>
    Task<Signal?> TryClaimSignalAsync(Guid signalId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> claimable signals, oldest first, without waiting on rows other executors hold.</summary>
    Task<IReadOnlyList<Signal>> ClaimPendingSignalsAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the claim to now + <paramref name="lease"/> while work is in flight; false when the claim under <paramref name="fence"/> was lost.</summary>
    Task<bool> RenewSignalLeaseAsync(Guid signalId, long fence, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records the signal's outcome and releases its claim, only while the claim under <see cref="SignalCompletion.Fence"/>
    /// is still the current one. False when it is not (a newer executor took the signal over): nothing is written.
    /// </summary>
    Task<bool> CompleteSignalAsync(SignalCompletion completion, CancellationToken cancellationToken);
}
