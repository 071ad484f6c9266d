using Maxxit.Sdk;
using Maxxit.Sdk.Stats;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>Summary of the matching decisions: counts and shares in percent (rounded to 0.1).</summary>
public sealed record RoutingSummaryDto(int Total, int Hyperliquid, int Ostium, int NoVenue, decimal HyperliquidPct, decimal OstiumPct)
{
    public static RoutingSummaryDto From(RoutingSummary s) => new(
        s.Total,
        s.Count(Venue.Hyperliquid),
        s.Count(Venue.Ostium),
        s.NoVenue,
        s.Percent(Venue.Hyperliquid),
        s.Percent(Venue.Ostium));
}
