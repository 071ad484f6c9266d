using Maxxit.Sdk;

namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>The original's recent-activity query: one routing decision with its signal's side and confidence.</summary>
/// <param name="SignalId">The signal.</param>
/// <param name="TokenSymbol">Token.</param>
/// <param name="Side">The signal's side (null if the signal is gone).</param>
/// <param name="Confidence">The signal's confidence, 0–1 (null if the signal is gone).</param>
/// <param name="SelectedVenue">The venue chosen, or null when none could take it.</param>
/// <param name="RoutingReason">Why.</param>
/// <param name="RoutingDurationMs">Decision time, milliseconds.</param>
/// <param name="CreatedAt">When it was decided.</param>
public sealed record ActivityRow(
    Guid SignalId,
    string TokenSymbol,
    TradeSide? Side,
    decimal? Confidence,
    Venue? SelectedVenue,
    string RoutingReason,
    double RoutingDurationMs,
    DateTimeOffset CreatedAt);
