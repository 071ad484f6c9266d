using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Tests.Positions;

public sealed class ClientClosePositionTests
{
    [Fact]
    public async Task Manual_close_through_the_client_closes_on_the_venue_records_pnl_and_metrics()
    {
        await using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var prices = sp.GetRequiredService<PaperPriceFeed>();
        prices.SetPrice(Venue.Hyperliquid, "ETH", 3000m);
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH", size: 30m);
        var opened = Assert.Single((await client.ExecuteTradeAsync(signal.Id)).Positions);

        prices.SetPrice(Venue.Hyperliquid, "ETH", 3090m);
        var closed = await client.ClosePositionAsync(opened.Id);

        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(CloseReason.Manual, closed.CloseReason);
        Assert.Equal(3090m, closed.ExitPrice);
        Assert.Equal(PositionPnl.Realized(opened, 3090m, Math.Round(opened.Quantity * 3090m * 0.00035m, 6)), closed.Pnl);
        Assert.NotNull((await client.ListAgentsAsync()).Single().Metrics.Apr30d);
        var overview = await client.GetOverviewAsync();
        Assert.Equal((0, 1, closed.Pnl), (overview.OpenPositions, overview.ClosedPositions, (decimal?)overview.TotalPnl));

        var again = await Assert.ThrowsAsync<MaxxitConflictException>(() => client.ClosePositionAsync(opened.Id));
        Assert.Equal("positionId", again.Field);
        Assert.Contains("CLOSED", again.Message);
    }

    [Fact]
    public async Task Manual_close_of_an_unknown_or_empty_id_is_a_typed_error()
    {
        await using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();

        var missing = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => client.ClosePositionAsync(Guid.NewGuid()));
        Assert.Equal("positionId", missing.Field);
        var empty = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.ClosePositionAsync(Guid.Empty));
        Assert.Equal("positionId", empty.Field);
    }

    [Fact]
    public async Task AddPositionMonitor_registers_the_hosted_monitor_with_its_options()
    {
        await using var sp = TestServices.Build(b => b.AddPositionMonitor(o => o.Interval = TimeSpan.FromSeconds(2)));

        Assert.Contains(sp.GetServices<IHostedService>(), s => s is PositionMonitorService);
        Assert.Equal(TimeSpan.FromSeconds(2), sp.GetRequiredService<IOptions<PositionMonitorOptions>>().Value.Interval);
    }

    [Fact]
    public async Task Bad_monitor_options_fail_validation_naming_the_option()
    {
        await using var sp = TestServices.Build(b => b.AddPositionMonitor(o =>
        {
            o.Interval = TimeSpan.Zero;
            o.PageSize = 0;
        }));

        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<PositionMonitorOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("Interval:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("PageSize:", StringComparison.Ordinal));
    }
}
