namespace Maxxit.Sdk.Routing;

/// <summary>What the router found for one checked venue.</summary>
public enum VenueRouteStatus
{
    /// <summary>The venue does not list the token.</summary>
    NotListed = 0,

    /// <summary>Listed, but the venue last reported itself unhealthy (e.g. its circuit breaker is open).</summary>
    Unhealthy = 1,

    /// <summary>Listed, but the market is closed now (<see cref="Venues.IMarketStatusVenue"/>).</summary>
    MarketClosed = 2,

    /// <summary>Eligible (FIRST_AVAILABLE does not price venues).</summary>
    Eligible = 3,

    /// <summary>Eligible and priced from a fresh cost snapshot.</summary>
    Priced = 4,

    /// <summary>Eligible, but there is no cost snapshot for the venue or the token: ranked by priority after priced venues.</summary>
    NoCostData = 5,

    /// <summary>Eligible, but the cost snapshot is older than the configured age: ranked by priority after priced venues.</summary>
    StaleCostData = 6,

    /// <summary>Chosen, then refused the order with a venue-side reason; the executor moved on to the next ranked venue.</summary>
    Refused = 7,
}
