namespace Maxxit.Sample.Api.Dtos;

/// <summary>Answer of the overview: <c>{success, version: "V3", stats}</c>.</summary>
public sealed record OverviewResponse(bool Success, string Version, OverviewStatsDto Stats);
