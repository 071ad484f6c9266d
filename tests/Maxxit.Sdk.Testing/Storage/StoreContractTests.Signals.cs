using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Signal_round_trips_every_field()
    {
        var agent = await NewAgentAsync();
        var signal = await NewSignalAsync(agent.Id);
        var loaded = await Store.GetSignalAsync(signal.Id, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(signal.AgentId, loaded.AgentId);
        Assert.Equal("ETH", loaded.TokenSymbol);
        Assert.Equal(TradeSide.Long, loaded.Side);
        Assert.Equal(signal.SizeModel, loaded.SizeModel);
        Assert.Equal(signal.RiskModel, loaded.RiskModel);
        Assert.Equal(0.85m, loaded.Confidence);
        Assert.Equal(Venue.Multi, loaded.RequestedVenue);
        Assert.Null(loaded.FinalVenue);
        Assert.Equal(signal.SourceTweets, loaded.SourceTweets);
        Assert.Equal(signal.SourceResearch, loaded.SourceResearch);
        Assert.Equal(signal.Reasoning, loaded.Reasoning);
        Assert.Equal(SignalStatus.Pending, loaded.Status);
        Assert.Equal(signal.CreatedAt, loaded.CreatedAt);
    }

    public static TheoryData<string> RiskModelNames => new() { "trailing", "trailing+tp", "trailing+sl", "trailing+tp+sl", "stop-loss", "stop-loss+tp", "take-profit", "take-profit+sl" };

    /// <summary>One of each risk model the SDK has (by name, so that the theory cases stay distinct).</summary>
    protected static RiskModel RiskModelNamed(string name) => name switch
    {
        "trailing" => RiskModel.Trailing(0.03m),
        "trailing+tp" => new RiskModel.TrailingStop(0.03m, TakeProfit: 0.25m),
        "trailing+sl" => new RiskModel.TrailingStop(0.02m, StopLoss: 0.04m),
        "trailing+tp+sl" => new RiskModel.TrailingStop(0.015m, 9.5m, 0.999m),
        "stop-loss" => new RiskModel.StopLoss(0.05m),
        "stop-loss+tp" => new RiskModel.StopLoss(0.05m, TakeProfit: 0.125m),
        "take-profit" => new RiskModel.TakeProfit(0.1m),
        "take-profit+sl" => new RiskModel.TakeProfit(2m, StopLoss: 0.07m),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(RiskModelNames))]
    public async Task Every_risk_model_round_trips_as_its_own_kind(string name)
    {
        var agent = await NewAgentAsync();
        var signal = NewSignal(agent.Id) with { RiskModel = RiskModelNamed(name), SizeModel = SizeModel.PercentOf(12.5m) };
        await Store.CreateSignalAsync(signal, Ct);
        var loaded = await Store.GetSignalAsync(signal.Id, Ct);
        Assert.Equal(signal.RiskModel, loaded!.RiskModel);
        Assert.Equal(signal.RiskModel.GetType(), loaded.RiskModel.GetType());
        Assert.Equal(new SizeModel.Percentage(12.5m), loaded.SizeModel);
    }

    [Fact]
    public async Task Signal_of_unknown_agent_is_not_found_and_not_written()
    {
        var signal = NewSignal(Guid.NewGuid());
        await Assert.ThrowsAsync<MaxxitNotFoundException>(() => Store.CreateSignalAsync(signal, Ct));
        Assert.Null(await Store.GetSignalAsync(signal.Id, Ct));
    }

    [Fact]
    public async Task A_signal_is_claimed_once_until_its_lease_lapses()
    {
        var agent = await NewAgentAsync();
        var signal = await NewSignalAsync(agent.Id);
        var now = DateTimeOffset.UtcNow;
        var lease = TimeSpan.FromMinutes(2);

        var first = await Store.TryClaimSignalAsync(signal.Id, now, lease, Ct);
        Assert.NotNull(first);
        Assert.Equal(SignalStatus.Executing, first.Status);
        Assert.Null(await Store.TryClaimSignalAsync(signal.Id, now.AddMinutes(1), lease, Ct));
        Assert.True(await Store.RenewSignalLeaseAsync(signal.Id, first.Fence, now, lease, Ct));
        var later = await LapseLeasesAsync(now.AddMinutes(3));
        var reclaimed = await Store.TryClaimSignalAsync(signal.Id, later, lease, Ct);
        Assert.NotNull(reclaimed);
        Assert.Equal(first.Fence + 1, reclaimed.Fence);
        // The first claimant's lease cannot be renewed any more, nor its completion written.
        Assert.False(await Store.RenewSignalLeaseAsync(signal.Id, first.Fence, later, lease, Ct));
        Assert.False(await Store.CompleteSignalAsync(new SignalCompletion(signal.Id, SignalStatus.Executed, null, null, later, null, first.Fence), Ct));
        Assert.Null(await Store.TryClaimSignalAsync(Guid.NewGuid(), later, lease, Ct));
    }

    [Fact]
    public async Task Completed_signal_keeps_its_outcome_and_is_not_claimable()
    {
        var agent = await NewAgentAsync();
        var signal = await NewSignalAsync(agent.Id);
        var now = NextTime();
        var claimed = (await Store.TryClaimSignalAsync(signal.Id, now, TimeSpan.FromMinutes(2), Ct))!;
        Assert.False(await Store.CompleteSignalAsync(new SignalCompletion(signal.Id, SignalStatus.Executed, null, now, now, null, claimed.Fence - 1), Ct));
        Assert.True(await Store.CompleteSignalAsync(new SignalCompletion(signal.Id, SignalStatus.Skipped, null, now, now.AddSeconds(1), "No venue available for ETH", claimed.Fence), Ct));

        var loaded = await Store.GetSignalAsync(signal.Id, Ct);
        Assert.Equal(SignalStatus.Skipped, loaded!.Status);
        Assert.Equal("No venue available for ETH", loaded.SkippedReason);
        Assert.Equal(now, loaded.RoutedAt);
        Assert.Equal(now.AddSeconds(1), loaded.ExecutedAt);
        Assert.Null(await Store.TryClaimSignalAsync(signal.Id, now.AddHours(1), TimeSpan.FromMinutes(2), Ct));
        Assert.Empty(await Store.ClaimPendingSignalsAsync(10, now.AddHours(1), TimeSpan.FromMinutes(2), Ct));
    }

    [Fact]
    public async Task Concurrent_batch_claims_never_overlap()
    {
        var agent = await NewAgentAsync();
        for (var i = 0; i < 40; i++)
        {
            await NewSignalAsync(agent.Id);
        }

        var now = NextTime();
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.ClaimPendingSignalsAsync(7, now, TimeSpan.FromMinutes(2), Ct))));
        var claimed = batches.SelectMany(b => b).Select(s => s.Id).ToList();
        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
        Assert.All(batches.SelectMany(b => b), s => Assert.Equal(SignalStatus.Executing, s.Status));
    }

    [Fact]
    public async Task Signals_and_cursor_commit_together()
    {
        var agent = await NewAgentAsync();
        Assert.Empty((await Store.GetCursorAsync(agent.Id, Ct)).Positions);
        var s1 = NewSignal(agent.Id);
        await Store.CreateSignalsWithCursorAsync([s1], new SourceCursor(agent.Id, new Dictionary<string, string> { ["x:42"] = "1000" }), Ct);
        Assert.Equal("1000", (await Store.GetCursorAsync(agent.Id, Ct)).Positions["x:42"]);

        // A batch that cannot be written leaves both the signals and the cursor as they were.
        var s2 = NewSignal(agent.Id);
        var clash = s1 with { TokenSymbol = "BTC" };
        await Assert.ThrowsAnyAsync<MaxxitException>(() => Store.CreateSignalsWithCursorAsync([s2, clash], new SourceCursor(agent.Id, new Dictionary<string, string> { ["x:42"] = "2000" }), Ct));
        Assert.Null(await Store.GetSignalAsync(s2.Id, Ct));
        Assert.Equal("ETH", (await Store.GetSignalAsync(s1.Id, Ct))!.TokenSymbol);
        Assert.Equal("1000", (await Store.GetCursorAsync(agent.Id, Ct)).Positions["x:42"]);

        await Store.CreateSignalsWithCursorAsync([], new SourceCursor(agent.Id, new Dictionary<string, string> { ["x:42"] = "3000", ["research:inst-1"] = "r9" }), Ct);
        var cursor = await Store.GetCursorAsync(agent.Id, Ct);
        Assert.Equal("3000", cursor.Positions["x:42"]);
        Assert.Equal("r9", cursor.Positions["research:inst-1"]);
    }
}
