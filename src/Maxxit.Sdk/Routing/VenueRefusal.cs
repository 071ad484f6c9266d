namespace Maxxit.Sdk.Routing;

/// <summary>A venue-side refusal of a routed order, after which the executor tried the next ranked venue.</summary>
/// <param name="Venue">The venue that refused.</param>
/// <param name="Reason">The venue's reason.</param>
public sealed record VenueRefusal(Venue Venue, string Reason);
