using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maxxit.Sdk.Hyperliquid.Costs;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Routing.Costs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Costs;

public sealed class HyperliquidCostSourceTests
{
    private const string Account = "0x00000000000000000000000000000000000000Ab";

    [Fact]
    public async Task Books_funding_and_the_accounts_fee_tier_become_one_cost_curve_per_market()
    {
        var info = new StubInfo();
        await using var sp = Build(info, o => o.FeeAccount = Account);
        var source = sp.GetServices<IVenueCostSource>().Single(s => s.Venue == Venue.Hyperliquid);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        var snapshot = await source.GetCostSnapshotAsync(new VenueCostRequest([Market("ETH"), Market("BTC"), Market("NOPE")], time), default);

        Assert.Equal(time.GetUtcNow(), snapshot.AsOf);
        Assert.Equal("funding", snapshot.CarryName);
        Assert.True(snapshot.TryGet("ETH", out var eth));
        Assert.False(snapshot.TryGet("BTC", out _));  // one-sided book: nothing to price against
        Assert.False(snapshot.TryGet("NOPE", out _)); // not in metaAndAssetCtxs
        Assert.Equal(3.5, eth.TakerFeeBps, 9);         // userCrossRate 0.00035 of the fee account
        Assert.Equal(0.125, eth.LongCarryBpsPerHour, 9); // funding 0.0000125 an hour: longs pay
        Assert.Equal(-0.125, eth.ShortCarryBpsPerHour, 9);
        Assert.Equal(3000.5, eth.MidPrice, 9);
        Assert.Equal(2, eth.AskLevels);

        // $3,001 buys exactly the best ask level; $6,003.5 also takes 1 ETH at 3002.5.
        Assert.Equal((3001 / 3000.5 - 1) * 10_000, eth.Estimate(TradeSide.Long, 3_001, 0).SpreadImpactBps, 9);
        Assert.Equal((6003.5 / 2 / 3000.5 - 1) * 10_000, eth.Estimate(TradeSide.Long, 6_003.5, 0).SpreadImpactBps, 9);
        Assert.Contains("{\"type\":\"userFees\",\"user\":\"0x00000000000000000000000000000000000000ab\"}", info.Requests);
        Assert.Contains("{\"type\":\"l2Book\",\"coin\":\"ETH\"}", info.Requests);
    }

    [Fact]
    public async Task Without_a_fee_account_the_base_tier_applies_and_a_failing_tier_read_falls_back()
    {
        var info = new StubInfo();
        await using var plain = Build(info, _ => { });
        var time = new FakeTimeProvider();
        var snapshot = await plain.GetServices<IVenueCostSource>().Single(s => s.Venue == Venue.Hyperliquid)
            .GetCostSnapshotAsync(new VenueCostRequest([Market("ETH")], time), default);
        Assert.True(snapshot.TryGet("ETH", out var eth));
        Assert.Equal(4.5, eth.TakerFeeBps);
        Assert.DoesNotContain(info.Requests, r => r.Contains("userFees", StringComparison.Ordinal));

        var broken = new StubInfo { FailUserFees = true };
        await using var sp = Build(broken, o => o.FeeAccount = Account);
        var fallback = await sp.GetServices<IVenueCostSource>().Single(s => s.Venue == Venue.Hyperliquid)
            .GetCostSnapshotAsync(new VenueCostRequest([Market("ETH")], time), default);
        Assert.True(fallback.TryGet("ETH", out var fb));
        Assert.Equal(4.5, fb.TakerFeeBps);
    }

    [Fact]
    public async Task A_coin_whose_book_fails_is_left_unpriced_and_only_all_failing_fails_the_snapshot()
    {
        await using var sp = Build(new StubInfo(), _ => { });
        var source = sp.GetServices<IVenueCostSource>().Single(s => s.Venue == Venue.Hyperliquid);
        var time = new FakeTimeProvider();

        var snapshot = await source.GetCostSnapshotAsync(new VenueCostRequest([Market("ETH"), Market("SOL")], time), default);
        Assert.True(snapshot.TryGet("ETH", out _));
        Assert.False(snapshot.TryGet("SOL", out _));

        await Assert.ThrowsAsync<HyperliquidApiException>(() => source.GetCostSnapshotAsync(new VenueCostRequest([Market("SOL")], time), default).AsTask());
    }

    private static MarketInfo Market(string coin) => new() { Venue = Venue.Hyperliquid, Symbol = coin, VenueSymbol = coin };

    private static ServiceProvider Build(StubInfo info, Action<HyperliquidCostOptions> costs)
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3(o => o.MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .AddHyperliquid(o =>
            {
                o.BaseUrl = new Uri("http://hyperliquid.test");
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            });
        services.Configure(costs);
        services.AddHttpClient(HyperliquidOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => info);
        return services.BuildServiceProvider();
    }

    /// <summary>Answers the three /info requests the cost source makes, in the shapes the official API documents.</summary>
    private sealed class StubInfo : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public bool FailUserFees { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add(body);
            }

            using var document = JsonDocument.Parse(body);
            var json = document.RootElement.GetProperty("type").GetString() switch
            {
                "metaAndAssetCtxs" => """
                    [{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40},{"name":"ETH","szDecimals":4,"maxLeverage":25},{"name":"SOL","szDecimals":2,"maxLeverage":20}]},
                     [{"funding":"0.0000100","markPx":"97000","midPx":"97000.5","oraclePx":"97000","dayNtlVlm":"1","openInterest":"1","prevDayPx":"96000"},
                      {"funding":"0.0000125","markPx":"3000.4","midPx":"3000.5","oraclePx":"3000.3","dayNtlVlm":"1","openInterest":"1","prevDayPx":"2990"},
                      {"funding":"0.0000125","markPx":"150","midPx":"150","oraclePx":"150","dayNtlVlm":"1","openInterest":"1","prevDayPx":"149"}]]
                    """,
                "l2Book" when body.Contains("\"ETH\"", StringComparison.Ordinal) => """
                    {"coin":"ETH","time":1764583200000,"levels":[[{"px":"3000.0","sz":"1.0","n":2},{"px":"2999.0","sz":"4.0","n":5}],
                                                                [{"px":"3001.0","sz":"1.0","n":1},{"px":"3002.5","sz":"2.0","n":3}]]}
                    """,
                "l2Book" when body.Contains("\"SOL\"", StringComparison.Ordinal) => null,
                "l2Book" => """{"coin":"BTC","time":1764583200000,"levels":[[{"px":"97000","sz":"1","n":1}],[]]}""",
                "userFees" when FailUserFees => null,
                "userFees" => """{"userCrossRate":"0.00035","userAddRate":"0.0001","activeReferralDiscount":"0.0"}""",
                _ => null,
            };
            return json is null
                ? new HttpResponseMessage(HttpStatusCode.UnprocessableEntity) { Content = new StringContent("bad request") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
