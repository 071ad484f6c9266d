using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.KillSwitch;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Hyperliquid.Tests.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.KillSwitch;

public sealed class KillSwitchTests
{
    [Fact]
    public async Task The_kill_switch_cancels_every_resting_order_of_one_deployment_or_of_all()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var first = await VenueScenario.CreateAsync(host);
        var second = await VenueScenario.CreateAsync(host);
        await RestAsync(host, first, 2);
        await RestAsync(host, second, 3);
        var killSwitch = host.Services.GetRequiredService<HyperliquidKillSwitch>();

        var one = await killSwitch.CancelAllAsync(first.Deployment);
        Assert.Equal(3, host.Server.Orders.Count(o => o.Status == "open"));
        var all = await killSwitch.CancelAllDeploymentsAsync();

        Assert.Equal(2, one);
        Assert.Equal((3, 0), (all.Cancelled, all.FailedAccounts.Count));
        Assert.DoesNotContain(host.Server.Orders, o => o.Status == "open");
        // One batched cancel per account: 2 orders, then 3 (the first account had none left the second time).
        Assert.Equal([2, 3], host.Server.ExchangeBodies.Where(b => b.Contains("\"type\":\"cancel\"")).Select(CancelCount));
    }

    [Fact]
    public async Task The_dead_man_switch_is_armed_for_every_active_deployment_and_disarmed_on_stop()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var host = await HyperliquidTestHost.StartAsync(time: time, configure: o => o.DeadManSwitchWindow = TimeSpan.FromMinutes(1));
        var first = await VenueScenario.CreateAsync(host);
        var second = await VenueScenario.CreateAsync(host);
        var service = host.Services.GetRequiredService<HyperliquidDeadManSwitchService>();

        var armed = await service.ArmAllAsync(CancellationToken.None);
        var scheduled = host.Server.ScheduledCancels;
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, armed);
        Assert.Equal(1_700_000_060_000, scheduled[first.User]);
        Assert.Equal(1_700_000_060_000, scheduled[second.User]);
        Assert.Empty(host.Server.ScheduledCancels);
        await Assert.ThrowsAsync<Errors.MaxxitValidationException>(
            () => host.Services.GetRequiredService<HyperliquidKillSwitch>().ArmAsync(first.Deployment, TimeSpan.FromSeconds(2)));
    }

    private static int CancelCount(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.GetProperty("action").GetProperty("cancels").GetArrayLength();
    }

    private static async Task RestAsync(HyperliquidTestHost host, VenueScenario scenario, int count)
    {
        var eth = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
        using var agent = EthereumKey.FromHex(scenario.AgentKeyHex);
        for (var i = 0; i < count; i++)
        {
            await host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Limit(eth, true, 0.01m, 3000m - i, TimeInForce.Gtc));
        }
    }
}
