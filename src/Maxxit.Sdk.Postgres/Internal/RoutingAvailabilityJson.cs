using System.Text.Json;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>
/// The <c>venue_availability</c> jsonb of a routing row: <c>{"HYPERLIQUID": true}</c> for a venue with only its listed flag
/// (every FIRST_AVAILABLE row without failover), or an object with <c>listed</c>, <c>status</c> and the cost breakdown in
/// bps for a venue BEST_EXECUTION priced or that refused the order.
/// </summary>
internal static class RoutingAvailabilityJson
{
    public static string Write(RoutingRecord r)
    {
        var map = new Dictionary<string, object>(r.VenueAvailability.Count);
        foreach (var (venue, listed) in r.VenueAvailability)
        {
            map[DbNames.Venue(venue, "venue_availability")] = r.VenueDetails is { } details && details.TryGetValue(venue, out var detail) ? detail : listed;
        }

        return Json.Write(map);
    }

    public static (IReadOnlyDictionary<Venue, bool> Availability, IReadOnlyDictionary<Venue, VenueRoutingDetail>? Details) Read(string json)
    {
        var availability = new Dictionary<Venue, bool>();
        Dictionary<Venue, VenueRoutingDetail>? details = null;
        foreach (var (name, value) in Json.Read<Dictionary<string, JsonElement>>(json, "venue_availability"))
        {
            var venue = DbNames.ParseVenue(name);
            switch (value.ValueKind)
            {
                case JsonValueKind.True or JsonValueKind.False:
                    availability[venue] = value.GetBoolean();
                    break;
                case JsonValueKind.Object:
                    var detail = value.Deserialize<VenueRoutingDetail>(Json.Options) ?? throw new InvalidOperationException($"venue_availability holds null for {name}");
                    availability[venue] = detail.Listed;
                    (details ??= [])[venue] = detail;
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected venue_availability value for {name}: {value.ValueKind}");
            }
        }

        return (availability, details);
    }
}
