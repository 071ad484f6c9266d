using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Global_default_routing_config_is_hyperliquid_then_ostium()
    {
        var configs = await Store.ListRoutingConfigsAsync(Ct);
        var global = Assert.Single(configs, c => c.AgentId is null);
        Assert.Equal([Venue.Hyperliquid, Venue.Ostium], global.VenuePriority);
        Assert.Equal(RoutingStrategy.FirstAvailable, global.Strategy);
        Assert.True(global.FailoverEnabled);
    }

    [Fact]
    public async Task Agent_routing_config_upserts()
    {
        var agent = await NewAgentAsync();
        await Store.UpsertRoutingConfigAsync(new RoutingConfig { AgentId = agent.Id, VenuePriority = [Venue.Ostium] }, Ct);
        await Store.UpsertRoutingConfigAsync(new RoutingConfig { AgentId = agent.Id, VenuePriority = [Venue.Ostium, Venue.Hyperliquid], FailoverEnabled = false }, Ct);
        var own = Assert.Single(await Store.ListRoutingConfigsAsync(Ct), c => c.AgentId == agent.Id);
        Assert.Equal([Venue.Ostium, Venue.Hyperliquid], own.VenuePriority);
        Assert.False(own.FailoverEnabled);
        await Assert.ThrowsAsync<MaxxitNotFoundException>(() => Store.UpsertRoutingConfigAsync(new RoutingConfig { AgentId = Guid.NewGuid(), VenuePriority = [Venue.Ostium] }, Ct));
    }

    [Fact]
    public async Task Routing_history_filters_limits_and_summarises_all_matching_rows()
    {
        var agent = await NewAgentAsync();
        var signal = await NewSignalAsync(agent.Id);
        var rows = new List<RoutingRecord>();
        foreach (var (token, venue) in new (string, Venue?)[] { ("ETH", Venue.Hyperliquid), ("BTC", Venue.Hyperliquid), ("XAU", Venue.Ostium), ("ETH", Venue.Hyperliquid), ("XYZ", null) })
        {
            var record = Routing(signal.Id, null, token, venue, 0.5);
            rows.Add(record);
            await Store.RecordNoTradeAsync(record, null, Ct);
        }

        var all = await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: 2), Ct);
        Assert.Equal([rows[4].Id, rows[3].Id], all.History.Select(r => r.Id));
        Assert.Equal(5, all.Summary.Total);
        Assert.Equal(3, all.Summary.Count(Venue.Hyperliquid));
        Assert.Equal(1, all.Summary.Count(Venue.Ostium));
        Assert.Equal(1, all.Summary.NoVenue);
        Assert.Equal(60.0m, all.Summary.Percent(Venue.Hyperliquid));

        var eth = await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(TokenSymbol: "ETH"), Ct);
        Assert.Equal(2, eth.Summary.Total);
        Assert.All(eth.History, r => Assert.Equal("ETH", r.TokenSymbol));
        var ostium = await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(SelectedVenue: Venue.Ostium), Ct);
        var row = Assert.Single(ostium.History);
        Assert.Equal(rows[2].RoutingReason, row.RoutingReason);
        Assert.Equal(rows[2].CheckedVenues, row.CheckedVenues);
        Assert.Equal(rows[2].VenueAvailability.OrderBy(k => k.Key), row.VenueAvailability.OrderBy(k => k.Key));
        Assert.Equal(0.5, row.RoutingDurationMs, 6);
        Assert.Equal(Venue.Multi, row.RequestedVenue);

        var overview = await Store.GetOverviewAsync(Ct);
        Assert.Equal(5, overview.Routing.Summary.Total);
        Assert.Equal(0.5, overview.Routing.AvgDurationMs, 6);
        Assert.Equal(1, overview.Agents);
        Assert.Equal(1, overview.Signals);
    }
}
