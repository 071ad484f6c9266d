using System.Net;
using System.Text;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Ostium.Costs;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Routing.Costs;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Ostium.Tests.Costs;

public sealed class OstiumCostSourceTests
{
    private static readonly Uri Subgraph = new("http://subgraph.test/");
    private static readonly Uri Prices = new("http://prices.test/latest");

    // 833,333,333 per block (18 decimals) x 12,000 blocks an hour = 0.1 bps an hour; 83,333,333 = 0.01 bps an hour.
    private const string Pairs = """
        {"data":{"pairs":[
          {"id":"0","from":"BTC","to":"USD","takerFeeP":"50000","rolloverFeePerBlock":"83333333","lastFundingRate":"833333333","longOI":"200","shortOI":"100"},
          {"id":"1","from":"ETH","to":"USD","takerFeeP":"30000","rolloverFeePerBlock":"0","lastFundingRate":"-833333333","longOI":"100","shortOI":"300"}]}}
        """;

    private const string Quotes = """
        [{"from":"BTC","to":"USD","bid":99990,"mid":100000,"ask":100010,"isMarketOpen":true,"timestampSeconds":1764583200},
         {"from":"ETH","to":"USD","bid":"2999.7","mid":"3000","ask":"3000.3","isMarketOpen":true,"timestampSeconds":1764583200},
         {"from":"XAU","to":"USD","bid":2650,"mid":2650.2,"ask":2650.4,"isMarketOpen":false,"timestampSeconds":1764583200}]
        """;

    [Fact]
    public async Task Oracle_quotes_fees_rollover_and_funding_become_one_curve_per_pair()
    {
        var source = Source(new Stub(Pairs, Quotes), new OstiumCostOptions { OracleFeeUsd = 0.5 });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        var snapshot = await source.GetCostSnapshotAsync(new VenueCostRequest([Market("BTC", "BTC/USD"), Market("ETH", "ETH/USD"), Market("XAU", "XAU/USD")], time), default);

        Assert.Equal(Venue.Ostium, snapshot.Venue);
        Assert.Equal(time.GetUtcNow(), snapshot.AsOf);
        Assert.Equal("rollover+funding", snapshot.CarryName);
        Assert.False(snapshot.TryGet("XAU", out _)); // no fee data in the subgraph answer
        Assert.True(snapshot.TryGet("BTC", out var btc));
        Assert.Equal(5, btc.TakerFeeBps, 9);
        Assert.Equal(0.5, btc.FixedFeeUsd);
        Assert.Equal(0.01 + 0.1, btc.LongCarryBpsPerHour, 6);        // rollover + funding paid
        Assert.Equal(0.01 - (0.1 * 200 / 100), btc.ShortCarryBpsPerHour, 6); // rollover - funding received, scaled by OI

        // Any size fills at the oracle ask (long) or bid (short): 1 bps from the mid either way.
        Assert.Equal(1, btc.Estimate(TradeSide.Long, 1_000, 0).SpreadImpactBps, 6);
        Assert.Equal(1, btc.Estimate(TradeSide.Long, 10_000_000, 0).SpreadImpactBps, 6);
        Assert.Equal(1, btc.Estimate(TradeSide.Short, 50_000, 0).SpreadImpactBps, 6);
        Assert.False(btc.Estimate(TradeSide.Long, 10_000_000, 0).DepthExceeded);

        Assert.True(snapshot.TryGet("ETH", out var eth));
        Assert.Equal(3, eth.TakerFeeBps, 9);
        Assert.Equal(-(0.1 * 300 / 100), eth.LongCarryBpsPerHour, 6); // negative funding: longs receive
        Assert.Equal(0.1, eth.ShortCarryBpsPerHour, 6);
    }

    [Fact]
    public async Task A_failing_subgraph_fails_the_snapshot_so_the_previous_one_is_kept()
    {
        var source = Source(new Stub(null, Quotes), new OstiumCostOptions());
        var error = await Assert.ThrowsAsync<VenueException>(() => source.GetCostSnapshotAsync(new VenueCostRequest([Market("BTC", "BTC/USD")], TimeProvider.System), default).AsTask());
        Assert.Contains("HTTP 503", error.Message);
    }

    private static OstiumCostSource Source(Stub stub, OstiumCostOptions options)
    {
        var http = new HttpClient(stub);
        return new OstiumCostSource(http, Subgraph, new OstiumPriceFeedClient(http, Prices, TimeProvider.System, readRetries: 0), options);
    }

    private static MarketInfo Market(string symbol, string venueSymbol) => new() { Venue = Venue.Ostium, Symbol = symbol, VenueSymbol = venueSymbol };

    private sealed class Stub(string? pairs, string quotes) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.RequestUri == Prices ? quotes : pairs;
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
