using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium.Tests;

public sealed class OstiumOptionsTests
{
    [Fact]
    public void Presets_carry_the_official_chain_ids_contracts_and_subgraphs()
    {
        var one = OstiumNetwork.ArbitrumOne;
        var sepolia = OstiumNetwork.ArbitrumSepolia;

        Assert.Equal(42161ul, one.ChainId);
        Assert.Equal("0x6D0bA1f9996DBD8885827e1b2e8f6593e7702411", one.TradingAddress);
        Assert.Equal("0xcCd5891083A8acD2074690F65d3024E7D13d66E7", one.TradingStorageAddress);
        Assert.Equal("0xaf88d065e77c8cC2239327C5EDb3A432268e5831", one.UsdcAddress);
        Assert.EndsWith("/ost-prod/api", one.SubgraphUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(421614ul, sepolia.ChainId);
        Assert.Equal("0x2A9B9c988393f46a2537B0ff11E98c2C15a95afe", sepolia.TradingAddress);
        Assert.EndsWith("/ost-sep-final/api", sepolia.SubgraphUrl.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_are_valid_checksummed_addresses_once_an_rpc_url_is_given()
    {
        foreach (var network in new[] { OstiumNetwork.ArbitrumOne, OstiumNetwork.ArbitrumSepolia })
        {
            var options = new OstiumOptions { RpcUrl = new Uri("https://arb.example/rpc") }.UseNetwork(network);
            Assert.True(new OstiumOptionsValidator().Validate(null, options).Succeeded);
        }
    }

    [Fact]
    public void Defaults_are_arbitrum_one_and_need_an_rpc_url()
    {
        var options = new OstiumOptions();

        var result = new OstiumOptionsValidator().Validate(null, options);

        Assert.Equal(42161ul, options.ChainId);
        Assert.Equal(OstiumNetwork.ArbitrumOne.TradingAddress, options.TradingAddress);
        Assert.False(result.Succeeded);
        Assert.Equal(["RpcUrl: is required"], result.Failures);
    }

    [Theory]
    [InlineData("TradingAddress", "0x123", "TradingAddress: must be 0x followed by 40 hex digits")]
    [InlineData("UsdcAddress", "0x0000000000000000000000000000000000000000", "UsdcAddress: must not be the zero address")]
    [InlineData("SlippagePercent", "75", "SlippagePercent: must be between 0.01 and 50")]
    [InlineData("BuilderFeePercent", "0.1", "BuilderAddress: is required when BuilderFeePercent is above 0")]
    [InlineData("RpcUrl", "ftp://node", "RpcUrl: must be an absolute http or https URL")]
    [InlineData("ChainId", "0", "ChainId: must not be 0")]
    [InlineData("TradingCallbacksAddress", "0xabc", "TradingCallbacksAddress: must be 0x followed by 40 hex digits")]
    public void Each_bad_option_is_named_with_its_reason(string option, string value, string failure)
    {
        var options = new OstiumOptions { RpcUrl = new Uri("https://arb.example/rpc") };
        switch (option)
        {
            case "TradingAddress": options.TradingAddress = value; break;
            case "UsdcAddress": options.UsdcAddress = value; break;
            case "SlippagePercent": options.SlippagePercent = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "BuilderFeePercent": options.BuilderFeePercent = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "RpcUrl": options.RpcUrl = new Uri(value); break;
            case "TradingCallbacksAddress": options.TradingCallbacksAddress = value; break;
            default: options.ChainId = ulong.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var result = new OstiumOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith(failure, StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_network_carries_its_price_feed_and_callbacks_into_the_options()
    {
        var network = new OstiumNetwork(
            "my-fork",
            31337,
            "0x1000000000000000000000000000000000000001",
            "0x1000000000000000000000000000000000000002",
            "0x1000000000000000000000000000000000000003",
            new Uri("https://graph.example/ostium"),
            new Uri("https://prices.example/latest-prices"),
            "0x1000000000000000000000000000000000000004");

        var options = new OstiumOptions { RpcUrl = new Uri("http://127.0.0.1:8545") }.UseNetwork(network);

        Assert.Equal(31337ul, options.ChainId);
        Assert.Equal(new Uri("https://prices.example/latest-prices"), options.PriceFeedUrl);
        Assert.Equal("0x1000000000000000000000000000000000000004", options.TradingCallbacksAddress);
        Assert.True(new OstiumOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(OstiumOptions.DefaultPriceFeedUrl, new OstiumOptions().UseNetwork(network with { PriceFeedUrl = null }).PriceFeedUrl);
    }

    [Fact]
    public void AddOstium_validates_options_when_the_venues_are_built()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddOstium(o => o.SlippagePercent = 0m);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<VenueAdapterRegistry>());

        Assert.Contains("RpcUrl: is required", error.Failures);
        Assert.Contains("SlippagePercent: must be between 0.01 and 50", error.Failures);
    }

    [Fact]
    public void AddOstium_replaces_the_paper_Ostium_venue()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddOstium(o => o.RpcUrl = new Uri("http://127.0.0.1:1/"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.True(provider.GetRequiredService<VenueAdapterRegistry>().TryGet(Venue.Ostium, out var adapter));
        Assert.IsType<OstiumVenue>(adapter);
        Assert.IsAssignableFrom<IPositionVenue>(adapter);
        Assert.IsAssignableFrom<IOrderFateVenue>(adapter);
        Assert.IsAssignableFrom<IMarketStatusVenue>(adapter);
    }

    [Fact]
    public void AddOstium_registers_the_timeout_service_once_on_the_same_venue()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3().AddOstium(o => o.RpcUrl = new Uri("http://127.0.0.1:1/")).AddOstium(o => o.RpcUrl = new Uri("http://127.0.0.1:1/"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Single(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OstiumTimeoutService>());
    }
}
