using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Tests.Fakes;

namespace Maxxit.Sdk.Ostium.Tests.Markets;

public sealed class OstiumMarketsTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData("ETH", "USD", "crypto", "ETH")]
    [InlineData("XAU", "USD", "commodities", "XAU")]
    [InlineData("EUR", "USD", "forex", "EURUSD")]
    [InlineData("USD", "JPY", "forex", "USDJPY")]
    [InlineData("DAX", "EUR", "indices", "DAX")]
    [InlineData("nvda", "USD", "stocks", "NVDA")]
    public void Router_symbol_is_the_base_except_forex_which_concatenates(string from, string to, string group, string symbol) =>
        Assert.Equal(symbol, OstiumMarketMapper.SymbolOf(new OstiumPair(0, from, to, group, 10m)));

    [Fact]
    public async Task Markets_come_from_the_subgraph_with_the_pairs_own_maximum_leverage_winning_over_the_groups()
    {
        var (venue, _) = OstiumTestKit.Venue(_node);

        var markets = (await venue.GetMarketsAsync(default)).ToDictionary(m => m.Symbol);

        Assert.Equal(["BTC", "ETH", "EURUSD", "XAU", "DAX", "NVDA"], markets.Keys);
        var xau = markets["XAU"];
        Assert.Equal(Venue.Ostium, xau.Venue);
        Assert.Equal("XAU/USD", xau.VenueSymbol);
        Assert.Equal(5, (await venue.GetPairAsync(xau, default)).Index);
        // OstiumPairsStorage.pairMaxLeverage: XAU's own 25x wins over its group's 100x; ETH sets none, so its group's 50x.
        Assert.Equal(25m, xau.MaxLeverage);
        Assert.Equal(50m, markets["ETH"].MaxLeverage);
        Assert.Equal(MarketCategory.Commodity, xau.Category);
        Assert.Equal(4650.75m, xau.ReferencePrice);
        Assert.Equal(50m, markets["BTC"].MaxLeverage);
        Assert.Equal("EUR/USD", markets["EURUSD"].VenueSymbol);
        Assert.Equal(MarketCategory.Forex, markets["EURUSD"].Category);
        Assert.Equal(MarketCategory.Index, markets["DAX"].Category);
    }

    [Fact]
    public async Task Markets_still_list_without_prices_when_the_feed_is_down()
    {
        var (venue, _) = OstiumTestKit.Venue(_node, o => o.PriceFeedUrl = new Uri(_node.BaseUrl, "missing"));

        var markets = await venue.GetMarketsAsync(default);

        Assert.Equal(6, markets.Count);
        Assert.All(markets, m => Assert.Null(m.ReferencePrice));
    }

    [Fact]
    public async Task Price_feed_gives_mid_bid_ask_and_market_hours()
    {
        var (venue, _) = OstiumTestKit.Venue(_node);
        var markets = (await venue.GetMarketsAsync(default)).ToDictionary(m => m.Symbol);

        var quote = await venue.GetQuoteAsync(markets["EURUSD"], default);

        Assert.Equal(1.16512m, await venue.GetPriceAsync(markets["EURUSD"], default));
        Assert.Equal(1.15512m, quote.Bid);
        Assert.Equal(1.17512m, quote.Ask);
        Assert.True(quote.IsMarketOpen);
        Assert.False((await venue.GetQuoteAsync(markets["DAX"], default)).IsMarketOpen);
    }

    [Fact]
    public async Task Subgraph_errors_are_venue_errors()
    {
        var http = new HttpClient();
        var client = new OstiumSubgraphClient(http, new Uri(_node.BaseUrl, "prices"), TimeProvider.System, 0);

        var error = await Assert.ThrowsAsync<Maxxit.Sdk.Errors.VenueException>(() => client.GetPairsAsync(default));

        Assert.Contains("data.pairs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Market_status_comes_from_the_last_prices_read_without_any_io()
    {
        var (venue, _) = OstiumTestKit.Venue(_node);
        var markets = (await venue.GetMarketsAsync(default)).ToDictionary(m => m.Symbol);
        var callsBefore = _node.Calls.Values.Sum();

        Assert.False(venue.IsMarketOpen(markets["DAX"]));
        Assert.True(venue.IsMarketOpen(markets["XAU"]));
        Assert.True(venue.IsMarketOpen(markets["XAU"] with { VenueSymbol = "ZZZ/USD" }));
        Assert.Equal(callsBefore, _node.Calls.Values.Sum());

        _node.Prices[("XAU", "USD")] = (4650.75m, false);
        await venue.GetPriceAsync(markets["XAU"], default);
        Assert.False(venue.IsMarketOpen(markets["XAU"]));
    }

    [Fact]
    public async Task Pair_limits_come_from_the_subgraph_in_the_contracts_units()
    {
        var http = new HttpClient();
        var subgraph = new OstiumSubgraphClient(http, _node.SubgraphUrl, TimeProvider.System);

        var pairs = (await subgraph.GetPairsAsync(default)).ToDictionary(p => p.From);

        Assert.Equal(new OstiumPair(40, "NVDA", "USD", "stocks", 10m, 2m, 5m, 200m), pairs["NVDA"]);
        Assert.Equal(25m, pairs["XAU"].MaxLeverage);
        Assert.Equal(50m, pairs["ETH"].MaxLeverage);
    }
}
