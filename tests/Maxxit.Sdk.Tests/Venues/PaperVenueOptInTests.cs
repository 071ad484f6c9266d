using Maxxit.Sample.Console;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Tests.Venues;

public sealed class PaperVenueOptInTests
{
    [Fact]
    public async Task The_embedded_default_runs_every_venue_on_paper_with_the_paper_account()
    {
        using var sp = TestServices.Build();
        var venues = sp.GetRequiredService<VenueAdapterRegistry>();

        Assert.True(venues.IsSimulated(Venue.Hyperliquid));
        Assert.True(venues.IsSimulated(Venue.Ostium));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var result = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "XAU")).Id);
        Assert.Equal(Venue.Ostium, result.FinalVenue);
        Assert.Equal(10_000m, await sp.GetRequiredService<IAccountValueProvider>().GetAccountValueUsdAsync(deployments[0], default));
    }

    [Fact]
    public async Task A_real_adapter_turns_paper_off_everywhere_and_a_venue_without_adapter_is_skipped_with_reason_no_adapter()
    {
        var real = new RealHyperliquid();
        using var sp = TestServices.Build(b => b.AddVenue(_ => real));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, 1);

        var eth = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "ETH")).Id);
        var xau = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "XAU")).Id);

        var venues = sp.GetRequiredService<VenueAdapterRegistry>();
        Assert.False(venues.TryGet(Venue.Ostium, out _));
        Assert.False(venues.IsSimulated(Venue.Hyperliquid));
        Assert.Equal(Venue.Hyperliquid, eth.FinalVenue);
        Assert.Equal(1, real.Orders);
        Assert.Equal(SignalStatus.Skipped, xau.Status);
        Assert.Null(xau.FinalVenue);
        Assert.Contains("OSTIUM (no adapter)", xau.Deployments.Single().Routing!.Reason, StringComparison.Ordinal);
        Assert.Empty(xau.Positions);
        // The fake $10,000 paper account never sizes a trade once a real venue is in charge.
        Assert.Null(await sp.GetRequiredService<IAccountValueProvider>().GetAccountValueUsdAsync(deployments[0], default));
    }

    [Fact]
    public async Task A_host_mixing_real_and_paper_venues_without_saying_so_fails_at_start_naming_the_venues()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMaxxitV3()
            .AddVenue(_ => new RealHyperliquid())
            .AddVenue(s => new PaperVenueAdapter(Venue.Ostium, s.GetRequiredService<PaperPriceFeed>(), 10_000m, 0m));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Real venues (HYPERLIQUID)", error.Message, StringComparison.Ordinal);
        Assert.Contains("paper (simulated) venues (OSTIUM)", error.Message, StringComparison.Ordinal);
        Assert.Contains("UsePaperVenues()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_generic_host_the_mix_fails_at_first_resolution()
    {
        using var sp = TestServices.Build(b => b
            .AddVenue(_ => new RealHyperliquid())
            .AddVenue(s => new PaperVenueAdapter(Venue.Ostium, s.GetRequiredService<PaperPriceFeed>(), 10_000m, 0m)));

        var error = Assert.Throws<MaxxitConfigurationException>(() => sp.GetRequiredService<ITradeExecutor>());
        Assert.Contains("HYPERLIQUID", error.Message, StringComparison.Ordinal);
        Assert.Contains("OSTIUM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_explicit_opt_in_an_ostium_only_token_routes_to_paper_and_is_labelled_paper()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMaxxitV3().AddVenue(_ => new RealHyperliquid()).UsePaperVenues();
        using var host = builder.Build();
        await host.StartAsync();
        var sp = host.Services;
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, 1);

        var xau = await client.ExecuteTradeAsync((await TestServices.SignalAsync(client, agent.Id, "XAU")).Id);

        var venues = sp.GetRequiredService<VenueAdapterRegistry>();
        Assert.Equal(Venue.Ostium, xau.FinalVenue);
        Assert.Equal(SignalStatus.Executed, xau.Status);
        Assert.Equal("OSTIUM PAPER", DemoFlow.VenueLabel(Venue.Ostium, venues));
        Assert.Equal("HYPERLIQUID", DemoFlow.VenueLabel(Venue.Hyperliquid, venues));
        // Mixed hosts still get no fake account: the value is unknown unless the host registers a real provider.
        Assert.Null(await sp.GetRequiredService<IAccountValueProvider>().GetAccountValueUsdAsync(deployments[0], default));
        await host.StopAsync();
    }

    [Fact]
    public void Paper_turned_off_on_the_embedded_default_leaves_no_venue()
    {
        using var sp = TestServices.Build(options: o => o.UsePaperVenues = false);

        Assert.Empty(sp.GetRequiredService<VenueAdapterRegistry>().Adapters);
        Assert.False(sp.GetRequiredService<VenueHealthRegistry>().HasAdapter(Venue.Hyperliquid));
    }

    private sealed class RealHyperliquid : IVenueAdapter
    {
        private int _orders;

        public int Orders => _orders;

        public Venue Venue => Venue.Hyperliquid;

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(Venue.Hyperliquid));

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _orders);
            return ValueTask.FromResult(new OrderResult { Status = OrderStatus.Filled, VenueOrderId = "hl-1", FilledQuantity = 1m, AveragePrice = 3000m });
        }

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
    }
}
