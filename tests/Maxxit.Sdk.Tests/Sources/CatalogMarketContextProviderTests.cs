using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Sources;

public sealed class CatalogMarketContextProviderTests
{
    [Fact]
    public async Task Gives_the_paper_price_its_move_from_reference_and_a_class_volatility()
    {
        await using var sp = TestServices.Build(b => b.AddSignalWorker());
        var provider = sp.GetRequiredService<IMarketContextProvider>();
        Assert.IsType<CatalogMarketContextProvider>(provider);
        var eth = PaperMarketData.For(Venue.Hyperliquid).Single(m => m.Symbol == "ETH").ReferencePrice!.Value;
        sp.GetRequiredService<PaperPriceFeed>().SetPrice(Venue.Hyperliquid, "ETH", eth * 1.05m);

        var contexts = await provider.GetContextsAsync(["ETH", "XAU", "EURUSD", "XYZ"], default);

        Assert.Equal(["ETH", "EURUSD", "XAU"], contexts.Keys.Order());
        Assert.Equal((eth * 1.05m, 0.05m, 0.04m), (contexts["ETH"].Price, contexts["ETH"].Change24h, contexts["ETH"].Volatility));
        Assert.Equal((0m, 0.012m), (contexts["XAU"].Change24h, contexts["XAU"].Volatility));
        Assert.Equal(0.005m, contexts["EURUSD"].Volatility);
    }
}
