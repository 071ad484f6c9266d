namespace Maxxit.Sdk;

/// <summary>A trading venue, as stored in the <c>venue_v3_t</c> enum.</summary>
public enum Venue
{
    /// <summary>No venue chosen yet: the signal lets the router pick one per trade.</summary>
    Multi = 0,

    /// <summary>Hyperliquid perpetuals.</summary>
    Hyperliquid = 1,

    /// <summary>Ostium perpetuals on Arbitrum (crypto, forex, commodities, indices, stocks).</summary>
    Ostium = 2,

    /// <summary>GMX (reserved for a later adapter).</summary>
    Gmx = 3,

    /// <summary>Spot (reserved for a later adapter).</summary>
    Spot = 4,
}
