using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Hyperliquid.Tests.Support;
using Maxxit.Sdk.Hyperliquid.Tests.Venues;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Streams;

/// <summary>The venue with EnableStreams: prices and order fates from the WebSocket first, REST as the fallback.</summary>
public sealed class StreamFedVenueTests
{
    [Fact]
    public async Task Prices_come_from_fresh_streamed_mids_and_from_rest_when_the_socket_is_down_or_stale()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, configure: o => o.EnableStreams = true, build: b => b.Services.AddMetrics());
        using var meter = new MeterRecorder(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var eth = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == "ETH");

        var beforeConnect = await host.Venue.GetPriceAsync(eth, CancellationToken.None);
        await Eventually.TrueAsync(() => host.Venue.Streams.LatestMids is not null, what: "first allMids");
        host.Server.Streams.PublishRaw("allMids", """{"channel":"allMids","data":{"mids":{"ETH":"3999.5","BTC":"97000"}}}""");
        await Eventually.TrueAsync(() => host.Venue.Streams.LatestMids?.Mids["ETH"] == 3999.5m, what: "streamed mids");
        var restReads = host.Server.InfoTypes.Count(t => t == "allMids");
        var streamed = await host.Venue.GetPriceAsync(eth, CancellationToken.None);
        Assert.Equal(restReads, host.Server.InfoTypes.Count(t => t == "allMids"));

        time.Advance(TimeSpan.FromSeconds(6));
        var stale = await host.Venue.GetPriceAsync(eth, CancellationToken.None);

        Assert.Equal(3412.85m, beforeConnect);
        Assert.Equal(3999.5m, streamed);
        Assert.Equal(3412.85m, stale);
        Assert.Equal(3, meter.Sum("maxxit.hyperliquid.price.source_switch"));
    }

    [Fact]
    public async Task A_streamed_fill_answers_the_order_fate_without_order_status_and_another_user_falls_back_to_rest()
    {
        await using var host = await HyperliquidTestHost.StartAsync(configure: o => o.EnableStreams = true);
        var first = await VenueScenario.CreateAsync(host);
        var second = await VenueScenario.CreateAsync(host);
        var sol = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == "SOL");

        // The first order opens the user's feeds; the one under test is placed once they are subscribed.
        await host.Venue.PlaceOrderAsync(Request(first, sol, 1m), CancellationToken.None);
        await Eventually.TrueAsync(
            () => host.Server.Streams.Subscriptions.Contains("orderUpdates") && host.Server.Streams.Subscriptions.Contains("userFills:" + first.User),
            what: "feeds of the first user");
        var request = Request(first, sol, 10m);
        var placed = await host.Venue.PlaceOrderAsync(request, CancellationToken.None);
        OrderFate? fate = null;
        await Eventually.TrueAsync(
            () =>
            {
                var reads = host.Server.InfoTypes.Count(t => t == "orderStatus");
                fate = host.Venue.GetOrderFateAsync(Query(first, sol, request.ClientOrderId), CancellationToken.None).AsTask().GetAwaiter().GetResult();
                return host.Server.InfoTypes.Count(t => t == "orderStatus") == reads;
            },
            what: "fate answered from the stream");

        var other = Request(second, sol, 10m);
        await host.Venue.PlaceOrderAsync(other, CancellationToken.None);
        var statusReads = host.Server.InfoTypes.Count(t => t == "orderStatus");
        var rest = await host.Venue.GetOrderFateAsync(Query(second, sol, other.ClientOrderId), CancellationToken.None);

        Assert.Equal(OrderFateStatus.Filled, fate!.Status);
        Assert.Equal((placed.FilledQuantity, 187.345m, placed.FeesUsd), (fate.FilledQuantity, fate.AveragePrice, fate.FeesUsd));
        Assert.Equal(OrderFateStatus.Filled, rest.Status);
        Assert.Equal(statusReads + 1, host.Server.InfoTypes.Count(t => t == "orderStatus"));
    }

    private static OrderRequest Request(VenueScenario scenario, MarketInfo market, decimal percent)
    {
        var signalId = Guid.NewGuid();
        return new OrderRequest
        {
            SignalId = signalId,
            Deployment = scenario.Deployment,
            ClientOrderId = ClientOrderId.For(signalId, scenario.Deployment.Id, ClientOrderId.Open),
            Market = market,
            Side = TradeSide.Short,
            SizePercent = percent,
            Leverage = 1m,
            Risk = RiskModel.Trailing(0.03m),
            Journal = new NullJournal(),
        };
    }

    private static OrderFateQuery Query(VenueScenario scenario, MarketInfo market, string cloid) => new()
    {
        Position = new Position
        {
            Id = Guid.NewGuid(),
            DeploymentId = scenario.Deployment.Id,
            SignalId = Guid.NewGuid(),
            Venue = Sdk.Venue.Hyperliquid,
            TokenSymbol = market.Symbol,
            Side = TradeSide.Short,
            Status = PositionStatus.PendingFill,
            ClientOrderId = cloid,
            OpenedAt = DateTimeOffset.UtcNow,
        },
        Deployment = scenario.Deployment,
        Market = market,
        Purpose = OrderPurpose.Open,
        ClientOrderId = cloid,
    };

    private sealed class NullJournal : IOrderJournal
    {
        public string? PriorSubmissionId => null;

        public ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
