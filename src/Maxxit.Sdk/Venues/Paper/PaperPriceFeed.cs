using System.Collections.Concurrent;

namespace Maxxit.Sdk.Venues.Paper;

/// <summary>
/// Current prices of the paper venues: each market starts at its bundled reference price; tests and samples move
/// prices with <see cref="SetPrice"/> to script a price path.
/// </summary>
public sealed class PaperPriceFeed
{
    private readonly ConcurrentDictionary<(Venue, string), decimal> _prices = new();

    /// <summary>The current price of a market, or null when the venue does not list it.</summary>
    public decimal? GetPrice(Venue venue, string symbol)
    {
        if (_prices.TryGetValue((venue, symbol), out var price))
        {
            return price;
        }

        return PaperMarketData.ReferencePrice(venue, symbol);
    }

    /// <summary>Moves a market's price.</summary>
    public void SetPrice(Venue venue, string symbol, decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        _prices[(venue, symbol)] = price;
    }
}
