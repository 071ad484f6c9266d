namespace Maxxit.Sdk.Stats;

/// <summary>Counts over the matching routing decisions.</summary>
/// <param name="Total">Matching decisions.</param>
/// <param name="ByVenue">Selected venue → count (decisions with no venue are not in it).</param>
/// <param name="NoVenue">Decisions where no venue could take the trade.</param>
public sealed record RoutingSummary(int Total, IReadOnlyDictionary<Venue, int> ByVenue, int NoVenue)
{
    /// <summary>Count for a venue (0 when absent).</summary>
    public int Count(Venue venue) => ByVenue.TryGetValue(venue, out var n) ? n : 0;

    /// <summary>Share of all matching decisions that chose <paramref name="venue"/>, in percent rounded to 0.1.</summary>
    public decimal Percent(Venue venue) => Total == 0 ? 0m : Math.Round(100m * Count(venue) / Total, 1);
}
