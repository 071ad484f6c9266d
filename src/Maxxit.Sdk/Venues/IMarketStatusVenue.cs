using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues;

/// <summary>
/// Optional beside <see cref="IVenueAdapter"/>: whether a market the venue lists takes orders right now (forex, stock
/// and commodity pairs close outside trading hours). The router asks it on every decision, so it must answer from
/// memory (a snapshot the adapter refreshes in the background), never with I/O. A venue without it is always open.
/// </summary>
public interface IMarketStatusVenue
{
    /// <summary>True when <paramref name="market"/> takes orders now.</summary>
    bool IsMarketOpen(MarketInfo market);
}
