using Maxxit.Sdk;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>A routing decision as answered (the columns of <c>venue_routing_history_v3</c>).</summary>
public sealed record RoutingRecordDto(
    Guid Id,
    Guid SignalId,
    Guid? DeploymentId,
    string TokenSymbol,
    Venue RequestedVenue,
    Venue? SelectedVenue,
    string RoutingReason,
    IReadOnlyList<Venue> CheckedVenues,
    IReadOnlyDictionary<string, bool> VenueAvailability,
    double RoutingDurationMs,
    DateTimeOffset CreatedAt)
{
    public static RoutingRecordDto From(RoutingRecord r) => new(
        r.Id,
        r.SignalId,
        r.DeploymentId,
        r.TokenSymbol,
        r.RequestedVenue,
        r.SelectedVenue,
        r.RoutingReason,
        r.CheckedVenues,
        r.VenueAvailability.ToDictionary(kv => kv.Key.Name, kv => kv.Value),
        r.RoutingDurationMs,
        r.CreatedAt);
}
