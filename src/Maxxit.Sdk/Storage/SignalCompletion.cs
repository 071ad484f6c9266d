using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Storage;

/// <summary>The outcome of executing a signal.</summary>
/// <param name="SignalId">The signal.</param>
/// <param name="Status">EXECUTED, SKIPPED or FAILED.</param>
/// <param name="FinalVenue">The venue chosen (first deployment that routed), if any.</param>
/// <param name="RoutedAt">When it was routed, if it was.</param>
/// <param name="ExecutedAt">When execution finished.</param>
/// <param name="Reason">Why it was skipped or failed.</param>
/// <param name="Fence">The executor's claim (<see cref="Signal.Fence"/>); the completion is refused under any other.</param>
public sealed record SignalCompletion(Guid SignalId, SignalStatus Status, Venue? FinalVenue, DateTimeOffset? RoutedAt, DateTimeOffset ExecutedAt, string? Reason, long Fence);
