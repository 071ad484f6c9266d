using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>The result of <see cref="IExecutionStore.RecordOrderOutcomesAsync"/>.</summary>
/// <param name="Positions">One entry per outcome, in order: the updated position, or null where the outcome was refused (nothing written for it).</param>
/// <param name="SignalCompleted">True when the completion was given and written; false when none was given or it was refused.</param>
public sealed record OrderOutcomesResult(IReadOnlyList<Position?> Positions, bool SignalCompleted);
