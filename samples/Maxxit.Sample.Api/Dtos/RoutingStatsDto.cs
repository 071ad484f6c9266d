using Maxxit.Sdk;
using Maxxit.Sdk.Stats;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>Routing decisions in the overview: <c>{total, hyperliquid, ostium, no_venue, avg_duration_ms}</c>.</summary>
public sealed record RoutingStatsDto(int Total, int Hyperliquid, int Ostium, int NoVenue, double AvgDurationMs)
{
    public static RoutingStatsDto From(RoutingStats stats) => new(
        stats.Summary.Total,
        stats.Summary.Count(Venue.Hyperliquid),
        stats.Summary.Count(Venue.Ostium),
        stats.Summary.NoVenue,
        stats.AvgDurationMs);
}
