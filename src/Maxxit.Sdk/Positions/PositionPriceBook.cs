using System.Collections.Concurrent;

namespace Maxxit.Sdk.Positions;

/// <summary>
/// The last price the monitor saw for each market, kept in this process only. Reconciliation values a position closed
/// outside the SDK at this price, since the venue does not tell us the fill of a close we did not make.
/// </summary>
public sealed class PositionPriceBook
{
    private readonly ConcurrentDictionary<(Venue, string), decimal> _prices = new();

    /// <summary>Records an observed price.</summary>
    public void Record(Venue venue, string symbol, decimal price) => _prices[(venue, symbol)] = price;

    /// <summary>The last observed price, or null when none was seen in this process.</summary>
    public decimal? TryGet(Venue venue, string symbol) => _prices.TryGetValue((venue, symbol), out var price) ? price : null;
}
