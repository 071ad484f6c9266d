using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Hyperliquid.Tests.Info;

public sealed class MarketContextProviderTests
{
    [Fact]
    public async Task Worker_market_context_comes_from_asset_contexts_with_the_catalog_for_other_tokens()
    {
        await using var host = await HyperliquidTestHost.StartAsync(build: b => b.AddSignalWorker().UsePaperVenues());
        var provider = host.Services.GetRequiredService<IMarketContextProvider>();
        Assert.IsType<HyperliquidMarketContextProvider>(provider);
        var eth = host.Server.Markets.Single(m => m.Name == "ETH");

        var contexts = await provider.GetContextsAsync(["ETH", "XAU", "NOPE"], default);

        var context = contexts["ETH"];
        Assert.Equal(eth.Mid, context.Price);
        var previous = decimal.Round(eth.Mid * 0.98m, 6);
        Assert.Equal(Math.Round((eth.Mid - previous) / previous, 6), context.Change24h);
        Assert.Equal(1234567.89m, context.Volume24hUsd);
        Assert.Equal(Math.Abs(context.Change24h), context.Volatility);
        Assert.Equal(0.0000125m, context.Funding);
        Assert.True(contexts.ContainsKey("XAU"));
        Assert.False(contexts.ContainsKey("NOPE"));
    }
}
