using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;

namespace Maxxit.Sdk.Hyperliquid.Tests.Info;

/// <summary>The Info calls a live agent needs, against the fake's cassette-shaped answers.</summary>
public sealed class InfoCallsTests
{
    [Fact]
    public async Task Open_orders_come_in_the_short_and_the_frontend_shape_and_history_keeps_rejected_iocs()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;
        var eth = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
        var cloid = Cloid.Parse("0x" + new string('b', 32));
        await host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Limit(eth, true, 0.01m, 3000m, TimeInForce.Gtc, clientOrderId: cloid));
        host.Server.SetLiquidity("ETH", false);
        await Assert.ThrowsAsync<HyperliquidRejectedException>(() => host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Market(eth, true, 0.01m, 3412.85m, 0.05m)));

        var open = Assert.Single(await host.Info.GetOpenOrdersAsync(user));
        var frontend = Assert.Single(await host.Info.GetOpenOrdersAsync(user, frontend: true));
        var history = await host.Info.GetHistoricalOrdersAsync(user);

        Assert.Equal(("ETH", true, 3000m, 0.01m), (open.Coin, open.IsBuy, open.LimitPrice, open.Size));
        Assert.Null(open.ClientOrderId);
        Assert.Equal((cloid.ToString(), "Limit", "Gtc", 0.01m), (frontend.ClientOrderId, frontend.OrderType, frontend.TimeInForce, frontend.OriginalSize));
        Assert.Equal(["iocCancelRejected", "open"], history.Select(o => o.Status));
    }

    [Fact]
    public async Task Book_candles_funding_history_and_user_funding_read_their_fields()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        agent.Dispose();

        var book = await host.Info.GetL2BookAsync("BTC");
        var candles = await host.Info.GetCandlesAsync("kPEPE", "1h", 1684702007000, 1684784807000);
        var rates = await host.Info.GetFundingHistoryAsync("BTC", 1681923833000);
        var payment = Assert.Single(await host.Info.GetUserFundingAsync(user, 1681923833000, 1682010233000));

        Assert.Equal((20, 20), (book.Bids.Count, book.Asks.Count));
        Assert.True(book.Bids[0].Price > book.Bids[19].Price && book.Asks[0].Price < book.Asks[19].Price);
        Assert.Equal(3, candles.Count);
        Assert.Equal(("kPEPE", "1h", 1684702007000L, 0.001616m, 709L), (candles[0].Coin, candles[0].Interval, candles[0].OpenTime, candles[0].High, candles[0].Trades));
        Assert.Equal(-0.00061334m, rates[0].FundingRate);
        Assert.Equal(("APE", 0.145796m, 40.13333333m), (payment.Coin, payment.Usdc, payment.PositionSize));
        Assert.Contains("fundingHistory", host.Server.InfoTypes);
    }

    [Fact]
    public async Task Bad_arguments_name_the_field_before_anything_is_sent()
    {
        await using var host = await HyperliquidTestHost.StartAsync();

        var interval = await Assert.ThrowsAsync<MaxxitValidationException>(() => host.Info.GetCandlesAsync("BTC", "7m", 0, 1));
        var range = await Assert.ThrowsAsync<MaxxitValidationException>(() => host.Info.GetCandlesAsync("BTC", "1h", 10, 1));
        var coin = await Assert.ThrowsAsync<MaxxitValidationException>(() => host.Info.GetL2BookAsync(" "));

        Assert.Equal(("interval", "end_time", "coin"), (interval.Field, range.Field, coin.Field));
        Assert.Empty(host.Server.InfoTypes);
    }
}
