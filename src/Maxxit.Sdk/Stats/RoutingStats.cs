namespace Maxxit.Sdk.Stats;

/// <summary>Routing decision counts.</summary>
/// <param name="Summary">Totals per venue.</param>
/// <param name="AvgDurationMs">Average decision time in milliseconds.</param>
public sealed record RoutingStats(RoutingSummary Summary, double AvgDurationMs);
