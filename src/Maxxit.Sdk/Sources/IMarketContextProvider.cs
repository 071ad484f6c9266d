using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Sources;

/// <summary>
/// Market context per token for the generators: 24 h change, volume, volatility, funding. Asked once per agent and
/// cycle for all the tokens in play, so that a venue answering for every market in one call (Hyperliquid's
/// <c>metaAndAssetCtxs</c>) needs one request.
/// </summary>
public interface IMarketContextProvider
{
    /// <summary>Context for each token the provider knows; tokens it does not know are left out.</summary>
    /// <exception cref="SourceUnavailableException">The market data could not be read (the worker then generates without it).</exception>
    Task<IReadOnlyDictionary<string, MarketContext>> GetContextsAsync(IReadOnlyCollection<string> tokens, CancellationToken cancellationToken);
}
