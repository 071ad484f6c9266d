namespace Maxxit.Sdk.Markets;

/// <summary>The markets each venue lists, held in memory so that routing never touches the network or the store.</summary>
public interface IMarketCatalog
{
    /// <summary>Looks up a market by venue and upper-case token symbol. Allocation-free.</summary>
    bool TryGet(Venue venue, string symbol, out MarketInfo market);

    /// <summary>All markets of a venue.</summary>
    IReadOnlyCollection<MarketInfo> GetMarkets(Venue venue);

    /// <summary>Whether any venue lists the symbol (used to pick token mentions out of text).</summary>
    bool IsListedAnywhere(string symbol);

    /// <summary>True once the markets have been loaded at least once.</summary>
    bool IsLoaded { get; }

    /// <summary>
    /// Loads markets from every registered venue adapter (in parallel) if never loaded or older than the refresh
    /// interval. <see cref="MarketRefreshService"/> calls it in the background; executions never wait on a refresh.
    /// </summary>
    ValueTask EnsureFreshAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a venue's markets (e.g. after a refresh).</summary>
    void Replace(Venue venue, IEnumerable<MarketInfo> markets);
}
