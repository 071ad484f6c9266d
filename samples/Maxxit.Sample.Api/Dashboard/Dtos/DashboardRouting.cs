namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>The original's routing-performance query: decisions per selected venue, their share and average time.</summary>
/// <param name="Total">All routing decisions.</param>
/// <param name="NoVenue">Decisions where no venue could take the trade.</param>
/// <param name="AvgDurationMs">Average decision time over all decisions, milliseconds.</param>
/// <param name="Venues">Per venue, most trades first.</param>
public sealed record DashboardRouting(int Total, int NoVenue, double AvgDurationMs, IReadOnlyList<VenueShare> Venues);
