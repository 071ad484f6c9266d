using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>
/// Market context from one <c>metaAndAssetCtxs</c> call: price (mid, else mark), 24 h change against the previous day's
/// price, 24 h notional volume and the current funding rate. Volatility is the absolute 24 h move (one day's realized
/// move: the API gives no candles here). Tokens Hyperliquid does not list (e.g. XAU) come from the catalog's reference
/// data, as without this adapter.
/// </summary>
public sealed class HyperliquidMarketContextProvider : IMarketContextProvider
{
    private readonly HyperliquidInfoClient _info;
    private readonly CatalogMarketContextProvider _fallback;

    /// <summary>Creates the provider.</summary>
    public HyperliquidMarketContextProvider(HyperliquidInfoClient info, IMarketCatalog catalog, PaperPriceFeed prices)
    {
        _info = info;
        _fallback = new CatalogMarketContextProvider(catalog, prices);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, MarketContext>> GetContextsAsync(IReadOnlyCollection<string> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        IReadOnlyList<HyperliquidMarket> markets;
        try
        {
            markets = await _info.GetMarketsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HyperliquidApiException or HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new SourceUnavailableException("hyperliquid", "metaAndAssetCtxs could not be read", ex);
        }

        var wanted = new HashSet<string>(tokens, StringComparer.Ordinal);
        var result = new Dictionary<string, MarketContext>(StringComparer.Ordinal);
        foreach (var market in markets)
        {
            var token = market.Asset.Name.ToUpperInvariant();
            if (market.Asset.IsDelisted || !wanted.Contains(token))
            {
                continue;
            }

            var context = market.Context;
            var price = context.MidPrice ?? context.MarkPrice;
            var change = context.PreviousDayPrice > 0m ? Math.Round((price - context.PreviousDayPrice) / context.PreviousDayPrice, 6) : 0m;
            result[token] = new MarketContext(token, price, change, context.DayNotionalVolume, Math.Abs(change), context.Funding);
        }

        var missing = tokens.Where(t => !result.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (token, context) in await _fallback.GetContextsAsync(missing, cancellationToken).ConfigureAwait(false))
            {
                result[token] = context;
            }
        }

        return result;
    }
}
