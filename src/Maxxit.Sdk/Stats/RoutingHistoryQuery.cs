namespace Maxxit.Sdk.Stats;

/// <summary>Filters of the routing-history operation.</summary>
/// <param name="TokenSymbol">Only this token.</param>
/// <param name="SelectedVenue">Only decisions that chose this venue.</param>
/// <param name="Limit">At most this many rows, 1–1000 (default 50).</param>
public sealed record RoutingHistoryQuery(string? TokenSymbol = null, Venue? SelectedVenue = null, int Limit = 50);
