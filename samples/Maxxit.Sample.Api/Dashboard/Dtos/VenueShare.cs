using Maxxit.Sdk;

namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>One venue's routing share.</summary>
/// <param name="Venue">The selected venue.</param>
/// <param name="Trades">Decisions that chose it.</param>
/// <param name="Percent">Share of all decisions, percent rounded to 0.1.</param>
/// <param name="AvgDurationMs">Average decision time of those decisions, milliseconds (0 when none).</param>
public sealed record VenueShare(Venue Venue, int Trades, decimal Percent, double AvgDurationMs);
