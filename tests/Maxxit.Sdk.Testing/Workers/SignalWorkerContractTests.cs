using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Testing.Workers;

/// <summary>
/// The signal worker against a store: every store (in-memory, Postgres) runs these tests through a subclass that says
/// how to make a fresh, empty store. Time is a <see cref="FakeTimeProvider"/>; a "restart" is a new service provider
/// over the same store and sources.
/// </summary>
public abstract class SignalWorkerContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Makes a fresh, empty store.</summary>
    protected abstract Task<IMaxxitStore> CreateStoreAsync();

    [Fact]
    public async Task Three_cycles_with_a_restart_use_each_post_exactly_once_and_isolate_a_failing_agent()
    {
        var store = await CreateStoreAsync();
        var time = new FakeTimeProvider(Start);
        var x = new InMemoryXPostSource();
        var posts = new FlakyXSource(x);
        var research = new InMemoryResearchSource();
        RecordingGenerator? recorder = null;
        RecordingGenerator Recorder(ISignalGenerator inner) => recorder ??= new RecordingGenerator(inner);

        var alpha = await NewAgentAsync(store, "Alpha", ["1001", "1002"], ["inst-1"], AgentStatus.Active);
        var paused = await NewAgentAsync(store, "Paused", ["1001", "1009"], [], AgentStatus.Paused);
        var flaky = await NewAgentAsync(store, "Flaky", ["1003"], [], AgentStatus.Active);
        await DeployAsync(store, alpha.Id, 1);
        await DeployAsync(store, flaky.Id, 2);

        x.Add(Post("101", "1001", "$ETH breakout, buying more. Bullish!"), Post("102", "1001", "$BTC looks weak, selling. Bearish"), Post("201", "1002", "ETH and SOL both bullish, accumulate"));
        x.Add(Post("301", "1003", "$DOGE to the moon, bullish"));
        research.Add(new ResearchSignal("r1", "inst-1", "ETH", TradeSide.Long, "ETF flows", Start.AddMinutes(-5)));
        posts.Down.Add("1003");

        // Cycle 1: alpha turns three posts and one research call into ETH, BTC and SOL signals; flaky's source is down.
        var first = new WorkerHarness(store, time, posts, research, Recorder);
        first.Start();
        var c1 = await first.NextCycleAsync();
        Assert.Null(c1.Error);
        var a1 = Assert.Single(c1.Agents, a => a.AgentId == alpha.Id);
        Assert.Equal((3, 1, 3, 3), (a1.PostsRead, a1.ResearchRead, a1.SignalIds.Count, a1.Executed));
        Assert.NotNull(Assert.Single(c1.Agents, a => a.AgentId == flaky.Id).Error);
        Assert.DoesNotContain(c1.Agents, a => a.AgentId == paused.Id);

        // Cycle 2: nothing new anywhere.
        var c2 = await first.AdvanceAsync();
        Assert.Empty(c2.SignalIds);
        Assert.All(c2.Agents.Where(a => a.AgentId == alpha.Id), a => Assert.Equal(0, a.PostsRead));

        // Restart: the first worker stops; posts arrive while it is down; a new provider on the same store takes over.
        await first.StopAsync();
        x.Add(Post("103", "1001", "$ETH dump incoming, sell, bearish"), Post("202", "1002", "gm, no token here, just vibes"));
        posts.Down.Clear();
        await using var second = new WorkerHarness(store, time, posts, research, Recorder);
        second.Start();
        var c3 = await second.NextCycleAsync();
        var a3 = Assert.Single(c3.Agents, a => a.AgentId == alpha.Id);
        Assert.Equal((2, 0, 1), (a3.PostsRead, a3.ResearchRead, a3.SignalIds.Count));
        var f3 = Assert.Single(c3.Agents, a => a.AgentId == flaky.Id);
        Assert.Equal((1, 1, (string?)null), (f3.PostsRead, f3.SignalIds.Count, f3.Error));
        var c4 = await second.AdvanceAsync();
        Assert.Empty(c4.SignalIds);

        // Each post reached the generator exactly once per token it mentions, none twice, none lost.
        var uses = recorder!.Inputs.SelectMany(i => i.Posts.Select(p => (p.Id, i.TokenSymbol))).OrderBy(u => u.Id).ThenBy(u => u.TokenSymbol).ToList();
        Assert.Equal([("101", "ETH"), ("102", "BTC"), ("103", "ETH"), ("201", "ETH"), ("201", "SOL"), ("301", "DOGE")], uses);
        Assert.Equal(["r1"], recorder.Inputs.SelectMany(i => i.Research).Select(r => r.Id));
        Assert.DoesNotContain(recorder.Inputs, i => i.Agent.Id == paused.Id);
        Assert.DoesNotContain("1009", posts.Reads);

        // The stored signals carry their sources once and were all executed on the first venue listing the token.
        var signals = new List<Signal>();
        foreach (var id in new[] { c1, c2, c3, c4 }.SelectMany(c => c.SignalIds))
        {
            signals.Add((await store.GetSignalAsync(id, default))!);
        }

        Assert.Equal(5, signals.Count);
        Assert.Equal(
            ["BTC SHORT 102", "DOGE LONG 301", "ETH LONG 101,201", "ETH SHORT 103", "SOL LONG 201"],
            signals.Select(s => $"{s.TokenSymbol} {s.Side.ToString().ToUpperInvariant()} {string.Join(",", s.SourceTweets.Order())}").Order());
        Assert.Equal(["r1"], signals.SelectMany(s => s.SourceResearch));
        Assert.All(signals, s => Assert.Equal((SignalStatus.Executed, Venue.Hyperliquid, Venue.Multi), (s.Status, s.FinalVenue, s.RequestedVenue)));

        var cursor = await store.GetCursorAsync(alpha.Id, default);
        Assert.Equal("103", cursor.Positions["x:1001"]);
        Assert.Equal("202", cursor.Positions["x:1002"]);
        Assert.Equal("r1", ResearchPosition.Parse(cursor.Positions["research:inst-1"])!.Value.Id);
        Assert.Empty((await store.GetCursorAsync(paused.Id, default)).Positions);
    }

    [Fact]
    public async Task A_stop_during_generation_consumes_nothing_and_the_next_worker_reads_the_same_posts()
    {
        var store = await CreateStoreAsync();
        var time = new FakeTimeProvider(Start);
        var x = new InMemoryXPostSource();
        var agent = await NewAgentAsync(store, "Alpha", ["1001"], [], AgentStatus.Active);
        await DeployAsync(store, agent.Id, 1);
        x.Add(Post("101", "1001", "$ETH breakout, bullish"), Post("102", "1001", "$SOL breakout, bullish"));

        RecordingGenerator? held = null;
        var first = new WorkerHarness(store, time, x, new InMemoryResearchSource(), inner => held ??= new RecordingGenerator(inner) { HoldToken = "SOL" });
        first.Start();
        await held!.Held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await first.StopAsync();

        // ETH's idea was generated but the batch never reached the store: no signal, no cursor.
        Assert.Empty((await store.GetCursorAsync(agent.Id, default)).Positions);

        RecordingGenerator? recorder = null;
        await using var second = new WorkerHarness(store, time, x, new InMemoryResearchSource(), inner => recorder ??= new RecordingGenerator(inner));
        second.Start();
        var cycle = await second.NextCycleAsync();
        var result = Assert.Single(cycle.Agents);
        Assert.Equal((2, 2), (result.PostsRead, result.SignalIds.Count));
        Assert.Equal("102", (await store.GetCursorAsync(agent.Id, default)).Positions["x:1001"]);
    }

    [Fact]
    public async Task A_graceful_stop_finishes_the_batch_in_flight()
    {
        var store = await CreateStoreAsync();
        var time = new FakeTimeProvider(Start);
        var x = new InMemoryXPostSource();
        var agent = await NewAgentAsync(store, "Alpha", ["1001"], [], AgentStatus.Active);
        await DeployAsync(store, agent.Id, 1);
        x.Add(Post("101", "1001", "$ETH breakout, bullish"), Post("102", "1001", "$SOL breakout, bullish"));

        var worker = new WorkerHarness(store, time, x, new InMemoryResearchSource(), inner => new RecordingGenerator(inner), gateExecutor: true);
        worker.Start();
        await worker.Executor.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Stop while the first order is in flight: the worker must not return before the batch is done. Had it returned
        // at the stop, the second signal would never be executed: two executions prove it finished the batch.
        worker.RequestStop();
        Assert.False(worker.Run.IsCompleted);
        worker.Executor.Gate.SetResult();
        await worker.StopAsync();

        Assert.Equal(2, worker.Executor.Executions);
        Assert.Equal("102", (await store.GetCursorAsync(agent.Id, default)).Positions["x:1001"]);
    }

    protected static XPost Post(string id, string author, string text) => new(id, author, text, Start);

    private static async Task<Agent> NewAgentAsync(IMaxxitStore store, string name, IReadOnlyList<string> accounts, IReadOnlyList<string> institutes, AgentStatus status)
    {
        var agent = new Agent
        {
            Id = Guid.NewGuid(),
            CreatorWallet = "0x00000000000000000000000000000000000000aa",
            Name = name,
            Status = status,
            XAccountIds = accounts,
            ResearchInstituteIds = institutes,
            Weights = new AgentWeights(0.5m, 0.5m),
            CreatedAt = Start.AddSeconds(accounts.Count + name.Length),
        };
        await store.CreateAgentAsync(agent, default);
        return agent;
    }

    private static Task DeployAsync(IMaxxitStore store, Guid agentId, int wallet) => store.CreateDeploymentAsync(
        new AgentDeployment { Id = Guid.NewGuid(), AgentId = agentId, UserWallet = "0x" + wallet.ToString("x40"), CreatedAt = Start },
        default);
}
