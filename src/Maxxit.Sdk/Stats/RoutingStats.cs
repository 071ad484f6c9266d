namespace Maxxit.Sdk.Stats;

/// <summary>Routing decision counts.</summary>
/// <param name="Summary">Totals per venue.</param>
/// <param name="AvgDurationMs">Average decision time in milliseconds.</param>
public sealed record RoutingStats(RoutingSummary Summary, double AvgDurationMs)
{
    /// <summary>Average decision time in milliseconds of the decisions that chose each venue (venues with none are absent).</summary>
    public IReadOnlyDictionary<Venue, double> AvgDurationMsByVenue { get; init; } = new Dictionary<Venue, double>();
}
