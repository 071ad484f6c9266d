using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Monitored_pages_are_the_full_pages_narrowed_in_the_same_keyset_order_and_shards()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var positions = new List<Position>();
        for (var i = 0; i < 7; i++)
        {
            var signal = await NewSignalAsync(agent.Id, i % 2 == 0 ? "ETH" : "BTC");
            positions.Add(await OpenPositionAsync(signal.Id, deployment.Id, price: 3000m + i));
        }

        // A short without any stop, a trailing best with many digits, and one position that is CLOSING.
        positions.Add(await OpenShortWithoutStopsAsync((await NewSignalAsync(agent.Id, "SOL")).Id, deployment.Id));
        await Store.UpdateTrailingAsync(positions[3].Id, new TrailingParams(0.0375m, 3123.456789012345678m), Ct);
        var closing = (await Store.TryBeginCloseAsync(positions[5].Id, NextTime(), TimeSpan.FromMinutes(1), Ct))!;
        var open = positions.Where(p => p.Id != closing.Id).Select(p => p.Id).ToList();

        var full = await AllAsync(after => Store.PagePositionsAsync(PositionStatus.Open, after, 2, 0, 1, Ct), PositionPageKey.After, 2);
        var narrow = await AllAsync(after => Store.PageMonitoredPositionsAsync(PositionStatus.Open, after, 2, 0, 1, Ct), PositionPageKey.After, 2);

        Assert.Equal(open, narrow.Select(m => m.Id));
        Assert.Equal(full.Select(MonitoredPosition.From), narrow);
        Assert.Equal(new TrailingParams(0.0375m, 3123.456789012345678m), narrow.Single(m => m.Id == positions[3].Id).Trailing);
        Assert.Equal("3123.456789012345678", narrow.Single(m => m.Id == positions[3].Id).Trailing!.BestPrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var shortOne = narrow[^1];
        Assert.Equal((TradeSide.Short, "SOL", Venue.Hyperliquid), (shortOne.Side, shortOne.TokenSymbol, shortOne.Venue));
        Assert.Null(shortOne.StopLoss);
        Assert.Null(shortOne.TakeProfit);
        Assert.Null(shortOne.Trailing);
        var eth = narrow[0];
        Assert.Equal((TradeSide.Long, "ETH", 2850m, 3600m), (eth.Side, eth.TokenSymbol, eth.StopLoss, eth.TakeProfit));
        Assert.Equal(new TrailingParams(0.03m, 3000m), eth.Trailing);

        // The CLOSING one is paged under its own state only.
        Assert.Equal([closing.Id], (await Store.PageMonitoredPositionsAsync(PositionStatus.Closing, null, 10, 0, 1, Ct)).Select(m => m.Id));

        // Three shards split the same rows: each shard's narrow pages are its full pages narrowed, and together they are every row once.
        var shards = new List<MonitoredPosition>();
        for (var shard = 0; shard < 3; shard++)
        {
            var s = shard;
            var fullShard = await AllAsync(after => Store.PagePositionsAsync(PositionStatus.Open, after, 1, s, 3, Ct), PositionPageKey.After, 1);
            var narrowShard = await AllAsync(after => Store.PageMonitoredPositionsAsync(PositionStatus.Open, after, 1, s, 3, Ct), PositionPageKey.After, 1);
            Assert.Equal(fullShard.Select(MonitoredPosition.From), narrowShard);
            shards.AddRange(narrowShard);
        }

        Assert.Equal(open.Order(), shards.Select(m => m.Id).Order());
    }

    private async Task<Position> OpenShortWithoutStopsAsync(Guid signalId, Guid deploymentId)
    {
        var signal = (await Store.TryClaimSignalAsync(signalId, NextTime(), TimeSpan.FromMinutes(10), Ct))!;
        var state = await Store.GetPolicyStateAsync(deploymentId, "SOL", NextTime(), Ct);
        var position = OpeningPosition(signalId, deploymentId, "SOL") with { Fence = signal.Fence, Side = TradeSide.Short };
        var reserved = (await Store.ReserveExecutionsAsync([new ExecutionReservation(position, Routing(signalId, deploymentId, "SOL", Venue.Hyperliquid), Accepted(signalId, deploymentId), state.Version)], Ct))[0].Position!;
        var submitted = (await Store.BeginSubmitAsync(reserved.Id, reserved.Fence, NextTime(), Ct))!;
        return (await Store.CompleteOpenAsync(reserved.Id, submitted.Fence, new PositionFill("oid-2", 3m, 150m, 1m, 450m, 0.2m, null, null, null), Ct))!;
    }

    /// <summary>Every row of a keyset walk, page after page until a short page.</summary>
    private static async Task<List<T>> AllAsync<T>(Func<PositionPageKey?, Task<IReadOnlyList<T>>> page, Func<T, PositionPageKey> keyOf, int limit)
    {
        var rows = new List<T>();
        PositionPageKey? after = null;
        while (true)
        {
            var next = await page(after);
            rows.AddRange(next);
            if (next.Count < limit)
            {
                return rows;
            }

            after = keyOf(next[^1]);
        }
    }
}
