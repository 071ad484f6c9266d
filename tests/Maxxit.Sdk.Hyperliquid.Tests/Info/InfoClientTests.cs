using System.Net;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;

namespace Maxxit.Sdk.Hyperliquid.Tests.Info;

public sealed class InfoClientTests
{
    [Fact]
    public async Task Meta_gives_every_asset_its_universe_index_and_flags()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var assets = await host.Info.GetMetaAsync();

        Assert.Equal(host.Server.Markets.Count, assets.Count);
        var eth = assets.Single(a => a.Name == "ETH");
        Assert.Equal((1, 4, 25, false), (eth.Index, eth.SzDecimals, eth.MaxLeverage, eth.IsDelisted));
        var matic = assets.Single(a => a.Name == "MATIC");
        Assert.Equal(3, matic.Index);
        Assert.True(matic.IsDelisted);
    }

    [Fact]
    public async Task Meta_and_asset_contexts_parse_prices_volume_funding_and_open_interest()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var markets = await host.Info.GetMarketsAsync();

        var btc = markets[0];
        Assert.Equal("BTC", btc.Asset.Name);
        Assert.Equal(97123.5m, btc.Context.MarkPrice);
        Assert.Equal(97123.5m, btc.Context.MidPrice);
        Assert.Equal(97123.5m, btc.Context.OraclePrice);
        Assert.Equal(0.0000125m, btc.Context.Funding);
        Assert.Equal(1234567.89m, btc.Context.DayNotionalVolume);
        Assert.Equal(decimal.Round(2_000_000m / 97123.5m, 5), btc.Context.OpenInterest);
        Assert.Equal(decimal.Round(97123.5m * 0.98m, 6), btc.Context.PreviousDayPrice);
        var delisted = markets.Single(m => m.Asset.Name == "MATIC");
        Assert.Null(delisted.Context.MidPrice);
    }

    [Fact]
    public async Task All_mids_include_every_listed_coin()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        host.Server.SetMid("SOL", 190.125m);
        var mids = await host.Info.GetAllMidsAsync();

        Assert.Equal(190.125m, mids["SOL"]);
        Assert.Equal(3412.85m, mids["ETH"]);
        Assert.False(mids.ContainsKey("MATIC"));
    }

    [Fact]
    public async Task Clearinghouse_state_reports_account_value_withdrawable_and_positions()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser(accountValue: 5_000m);
        using (agent)
        {
            var order = new HyperliquidOrder(1, isBuy: false, limitPrice: 3000m, size: 0.5m, reduceOnly: false, HyperliquidOrderType.Limit(TimeInForce.Ioc));
            await host.Exchange.PlaceOrderAsync(agent, order);
        }

        var state = await host.Info.GetClearinghouseStateAsync(user);

        Assert.Equal(5_000m, state.AccountValue);
        var position = Assert.Single(state.Positions);
        Assert.Equal(("ETH", -0.5m, 3412.85m), (position.Coin, position.Size, position.EntryPrice!.Value));
        Assert.False(position.IsLong);
        Assert.True(position.IsCross);
        Assert.Equal(decimal.Round(0.5m * 3412.85m, 6), position.PositionValue);
        Assert.Equal(5_000m - decimal.Round(0.5m * 3412.85m / 20m, 6), state.Withdrawable);
    }

    [Fact]
    public async Task Unknown_order_status_is_null_and_the_request_uses_the_cloid()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        agent.Dispose();

        Assert.Null(await host.Info.GetOrderStatusAsync(user, Cloid.Parse("0x00000000000000000000000000000abc")));
        Assert.Null(await host.Info.GetOrderStatusAsync(user, 12345L));
    }

    [Fact]
    public async Task Info_requests_are_retried_on_429_and_5xx()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        host.Server.FailNextInfoRequests(2, HttpStatusCode.ServiceUnavailable);

        var mids = await host.Info.GetAllMidsAsync();

        Assert.NotEmpty(mids);
        Assert.Equal(3, host.Server.InfoTypes.Count(t => t == "allMids"));

        host.Server.FailNextInfoRequests(1, HttpStatusCode.TooManyRequests);
        await host.Info.GetMetaAsync();
        Assert.Equal(2, host.Server.InfoTypes.Count(t => t == "meta"));
    }

    [Fact]
    public async Task Info_gives_up_after_the_configured_retries_with_a_transient_error()
    {
        await using var host = await HyperliquidTestHost.StartAsync(configure: o => o.MaxRetryAttempts = 2);
        host.Server.FailNextInfoRequests(10, HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<HyperliquidApiException>(() => host.Info.GetAllMidsAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(3, host.Server.InfoTypes.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        host.Server.FailNextInfoRequests(1, HttpStatusCode.UnprocessableEntity);

        var error = await Assert.ThrowsAsync<HyperliquidApiException>(() => host.Info.GetAllMidsAsync());

        Assert.False(error.IsTransient);
        Assert.Single(host.Server.InfoTypes);
    }
}
