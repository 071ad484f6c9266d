using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Stats;

/// <summary>A page of routing history and its summary.</summary>
/// <param name="History">Rows, newest first.</param>
/// <param name="Summary">Counts over all matching rows.</param>
public sealed record RoutingHistoryPage(IReadOnlyList<RoutingRecord> History, RoutingSummary Summary);
