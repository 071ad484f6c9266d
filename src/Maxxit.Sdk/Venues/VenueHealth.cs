namespace Maxxit.Sdk.Venues;

/// <summary>Whether a venue can take orders now.</summary>
/// <param name="IsAvailable">True when orders can be placed.</param>
/// <param name="Detail">Why not, or extra detail.</param>
public sealed record VenueHealth(bool IsAvailable, string? Detail = null);
