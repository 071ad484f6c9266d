using System.Net;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Venues;

public sealed class HyperliquidVenueTests
{
    [Fact]
    public async Task Markets_list_listed_perpetuals_with_router_symbols_and_are_cached_for_the_refresh_interval()
    {
        await using var host = await HyperliquidTestHost.StartAsync();

        var markets = await host.Venue.GetMarketsAsync(CancellationToken.None);
        await host.Venue.GetMarketsAsync(CancellationToken.None);

        Assert.Equal(host.Server.Markets.Count - 1, markets.Count);
        Assert.DoesNotContain(markets, m => m.Symbol == "MATIC");
        var pepe = markets.Single(m => m.VenueSymbol == "kPEPE");
        Assert.Equal(("KPEPE", 10m, 0.020871m), (pepe.Symbol, pepe.MaxLeverage, pepe.ReferencePrice!.Value));
        var own = await host.Venue.GetMarketAsync(pepe, CancellationToken.None);
        Assert.Equal((13, 0), (own.Asset.Index, own.Asset.SzDecimals));
        Assert.Single(host.Server.InfoTypes, t => t == "metaAndAssetCtxs");
    }

    [Fact]
    public async Task The_venue_replaces_the_paper_hyperliquid_adapter()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var registry = host.Services.GetRequiredService<VenueAdapterRegistry>();

        Assert.True(registry.TryGet(Sdk.Venue.Hyperliquid, out var adapter));
        Assert.IsType<HyperliquidVenue>(adapter);
    }

    [Fact]
    public async Task Prices_are_mids_shared_across_positions_for_a_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        host.Server.SetMid("kPEPE", 0.021m);
        var markets = await host.Venue.GetMarketsAsync(CancellationToken.None);
        var matic = new Markets.MarketInfo { Venue = Sdk.Venue.Hyperliquid, Symbol = "MATIC", VenueSymbol = "MATIC" };

        Assert.Equal(0.021m, await host.Venue.GetPriceAsync(markets.Single(m => m.Symbol == "KPEPE"), CancellationToken.None));
        Assert.Equal(97123.5m, await host.Venue.GetPriceAsync(markets.Single(m => m.Symbol == "BTC"), CancellationToken.None));
        Assert.Null(await host.Venue.GetPriceAsync(matic, CancellationToken.None));
        Assert.Single(host.Server.InfoTypes, t => t == "allMids");

        host.Server.SetMid("BTC", 98000m);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(98000m, await host.Venue.GetPriceAsync(markets.Single(m => m.Symbol == "BTC"), CancellationToken.None));
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_the_venue_reports_itself_unhealthy()
    {
        await using var host = await HyperliquidTestHost.StartAsync(configure: o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitMinimumThroughput = 4;
            o.CircuitFailureRatio = 0.5;
        });
        Assert.True((await host.Venue.GetHealthAsync(CancellationToken.None)).IsAvailable);
        host.Server.FailNextInfoRequests(4, HttpStatusCode.InternalServerError);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<HyperliquidApiException>(() => host.Info.GetAllMidsAsync());
        }

        var health = await host.Venue.GetHealthAsync(CancellationToken.None);
        Assert.False(health.IsAvailable);
        Assert.False(host.Services.GetRequiredService<VenueHealthRegistry>().IsHealthy(Sdk.Venue.Hyperliquid));
        var open = await Assert.ThrowsAsync<HyperliquidApiException>(() => host.Info.GetAllMidsAsync());
        Assert.Contains("circuit is open", open.Message);
        Assert.Equal(4, host.Server.InfoTypes.Count);
    }

    [Theory]
    [InlineData("Slippage")]
    [InlineData("DefaultLeverage")]
    [InlineData("MarketRefreshInterval")]
    [InlineData("BaseUrl")]
    public void Invalid_options_are_refused_at_start_naming_the_option(string option)
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddHyperliquid(o =>
        {
            switch (option)
            {
                case "Slippage": o.Slippage = 0m; break;
                case "DefaultLeverage": o.DefaultLeverage = 0; break;
                case "MarketRefreshInterval": o.MarketRefreshInterval = TimeSpan.Zero; break;
                case "BaseUrl": o.BaseUrl = new Uri("ftp://example.org"); break;
            }
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HyperliquidOptions>>().Value);
        Assert.Contains($"HyperliquidOptions.{option}", error.Message);
    }

    [Fact]
    public void The_network_picks_the_public_url_unless_a_base_url_is_given()
    {
        Assert.Equal(new Uri("https://api.hyperliquid.xyz"), new HyperliquidOptions().EffectiveBaseUrl);
        Assert.Equal(new Uri("https://api.hyperliquid-testnet.xyz"), new HyperliquidOptions { Network = HyperliquidNetwork.Testnet }.EffectiveBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), new HyperliquidOptions { BaseUrl = new Uri("http://127.0.0.1:5000") }.EffectiveBaseUrl);
        Assert.Equal(0.05m, new HyperliquidOptions().Slippage);
    }
}
