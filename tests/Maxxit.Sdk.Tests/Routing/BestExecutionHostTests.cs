using Maxxit.Sdk.Client;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Routing.Costs;
using Maxxit.Sdk.Stats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Routing;

public sealed class BestExecutionHostTests
{
    [Fact]
    public async Task A_best_execution_trade_goes_to_the_cheaper_venue_with_the_breakdown_in_its_reason()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        await client.SetRoutingConfigAsync(RoutingConfig.GlobalDefault with { Strategy = RoutingStrategy.BestExecution });
        await sp.GetRequiredService<VenueCostRefresher>().RefreshAsync(default);
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);

        // LINK is listed on both paper venues; a long pays more funding on Hyperliquid than it saves in fees there.
        var signal = await TestServices.SignalAsync(client, agent.Id, "LINK");
        var result = await client.ExecuteTradeAsync(signal.Id);

        Assert.Equal(Venue.Ostium, result.FinalVenue);
        var routing = result.Deployments.Single().Routing!;
        Assert.StartsWith("OSTIUM: ", routing.Reason);
        Assert.Contains(" vs HYPERLIQUID: ", routing.Reason);
        var row = (await client.GetRoutingHistoryAsync(new RoutingHistoryQuery("LINK"))).History.Single();
        Assert.Equal(routing.Reason, row.RoutingReason);
        Assert.Equal([Venue.Hyperliquid, Venue.Ostium], row.CheckedVenues);
        var details = routing.ToVenueDetails()!; // what the executor's routing row carries in venue_availability
        Assert.Equal(VenueRouteStatus.Priced, details[Venue.Hyperliquid].Status);
        Assert.True(details[Venue.Ostium].TotalBps < details[Venue.Hyperliquid].TotalBps);
    }

    [Fact]
    public async Task The_hosted_service_refreshes_snapshots_every_interval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        using var sp = TestServices.Build(b =>
        {
            b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
            b.Services.Configure<BestExecutionOptions>(o => o.CostRefreshInterval = TimeSpan.FromSeconds(10));
        });
        var service = sp.GetServices<IHostedService>().OfType<VenueCostRefreshService>().Single();
        var snapshots = sp.GetRequiredService<VenueCostSnapshots>();
        await service.StartAsync(default);
        try
        {
            // Nobody routes by cost yet: no venue's books are read.
            await Task.Delay(50);
            Assert.False(snapshots.TryGet(Venue.Hyperliquid, out _));

            // A config that uses BEST_EXECUTION shows up on the next pass (configs reload with the store's refresh interval).
            await sp.GetRequiredService<IMaxxitClient>().SetRoutingConfigAsync(RoutingConfig.GlobalDefault with { Strategy = RoutingStrategy.BestExecution });
            time.Advance(TimeSpan.FromSeconds(10));
            var first = await WaitForAsync(snapshots, time.GetUtcNow());
            time.Advance(TimeSpan.FromSeconds(10));
            var second = await WaitForAsync(snapshots, time.GetUtcNow());
            Assert.Equal(first.AsOf + TimeSpan.FromSeconds(10), second.AsOf);
        }
        finally
        {
            await service.StopAsync(default);
        }
    }

    [Fact]
    public void Bad_options_fail_at_start_naming_the_option()
    {
        using var sp = TestServices.Build(b => b.Services.Configure<BestExecutionOptions>(o =>
        {
            o.MaxCostSnapshotAge = TimeSpan.Zero;
            o.DefaultNotionalUsd = -1;
        }));
        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<BestExecutionOptions>>().Value);
        Assert.Contains(nameof(BestExecutionOptions.MaxCostSnapshotAge), error.Message);
        Assert.Contains(nameof(BestExecutionOptions.DefaultNotionalUsd), error.Message);
    }

    // The background loop publishes asynchronously; poll (without sleeping on the clock) until a snapshot of that time shows.
    private static async Task<VenueCostSnapshot> WaitForAsync(VenueCostSnapshots snapshots, DateTimeOffset asOf)
    {
        for (var i = 0; i < 500; i++)
        {
            if (snapshots.TryGet(Venue.Hyperliquid, out var s) && s.AsOf == asOf)
            {
                return s;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"no snapshot as of {asOf}");
    }
}
