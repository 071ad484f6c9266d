using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sdk.Sources;

/// <summary>
/// The offline default: the price is the paper venue's current price, the 24 h change its move away from the bundled
/// reference price, volume is unknown (0), and volatility a typical daily figure for the asset class (crypto 4 %,
/// stocks 2 %, commodities 1.2 %, indices 1 %, forex 0.5 %). Funding is unknown. Venues are tried in priority order.
/// </summary>
public sealed class CatalogMarketContextProvider : IMarketContextProvider
{
    private readonly IMarketCatalog _catalog;
    private readonly PaperPriceFeed _prices;

    /// <summary>Creates the provider.</summary>
    public CatalogMarketContextProvider(IMarketCatalog catalog, PaperPriceFeed prices)
    {
        _catalog = catalog;
        _prices = prices;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, MarketContext>> GetContextsAsync(IReadOnlyCollection<string> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, MarketContext>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            foreach (var venue in VenueTable.Concrete)   // the built-in venues first, then others in definition order
            {
                if (_catalog.TryGet(venue, token, out var market) && market.ReferencePrice is { } reference and > 0m)
                {
                    var price = _prices.GetPrice(venue, token) ?? reference;
                    result[token] = new MarketContext(token, price, Math.Round((price - reference) / reference, 6), 0m, TypicalVolatility(market.Category), null);
                    break;
                }
            }
        }

        return result;
    }

    private static decimal TypicalVolatility(MarketCategory category) => category switch
    {
        MarketCategory.Forex => 0.005m,
        MarketCategory.Index => 0.01m,
        MarketCategory.Commodity => 0.012m,
        MarketCategory.Stock => 0.02m,
        _ => 0.04m,
    };
}
