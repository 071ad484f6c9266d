using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Tests.Signals;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Workers;

public sealed class SignalWorkerLlmTests
{
    [Fact]
    public async Task Bad_replies_and_a_failing_model_do_not_stop_the_worker_and_are_counted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var chat = new FakeChatClient()
            .Reply("this is not json")
            .Reply("""{"token": "BTC", "side": "SHORT", "confidence": 0.8, "reasoning": "weak", "venue": "OSTIUM"}""")
            .Fail(new HttpRequestException("model endpoint down"))
            .Reply("""{"token": "SOL", "side": "LONG", "confidence": 0.9, "reasoning": "strong"}""");
        var x = new InMemoryXPostSource();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IChatClient>(chat);
        services.AddMaxxitV3().AddSignalWorker().UseLlmSignalGenerator().UseXPostSource(_ => x);
        await using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var metrics = Listen(sp.GetRequiredService<WorkerMetrics>());
        var client = sp.GetRequiredService<IMaxxitClient>();
        var alpha = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = TestServices.Wallet(1), Name = "Alpha", XAccountIds = ["1"] });
        time.Advance(TimeSpan.FromSeconds(1));
        var beta = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = TestServices.Wallet(1), Name = "Beta", XAccountIds = ["2"] });
        await client.DeployAgentAsync(new DeployAgentRequest { AgentId = alpha.Id, UserWallet = TestServices.Wallet(10) });
        await client.DeployAgentAsync(new DeployAgentRequest { AgentId = beta.Id, UserWallet = TestServices.Wallet(11) });
        x.Add(new XPost("11", "1", "$ETH ranging, no idea", time.GetUtcNow()), new XPost("12", "1", "$BTC looks weak", time.GetUtcNow()), new XPost("21", "2", "$SOL strong", time.GetUtcNow()));
        var worker = sp.GetRequiredService<SignalWorker>();

        // Cycle 1: alpha's ETH reply is malformed (no signal), BTC is valid; beta's model call fails, so beta retries later.
        var first = await worker.RunCycleAsync(default);
        var a1 = Assert.Single(first.Agents, a => a.AgentId == alpha.Id);
        var b1 = Assert.Single(first.Agents, a => a.AgentId == beta.Id);
        var btc = await sp.GetRequiredService<IMaxxitStore>().GetSignalAsync(Assert.Single(a1.SignalIds), default);
        Assert.Equal(("BTC", TradeSide.Short, Venue.Multi, SignalStatus.Executed, Venue.Hyperliquid), (btc!.TokenSymbol, btc.Side, btc.RequestedVenue, btc.Status, btc.FinalVenue));
        Assert.Contains("model endpoint down", b1.Error);

        // Cycle 2: beta's post is read again (its cursor did not move) and now gives a signal; alpha has nothing new.
        time.Advance(TimeSpan.FromSeconds(30));
        var second = await worker.RunCycleAsync(default);
        Assert.Empty(Assert.Single(second.Agents, a => a.AgentId == alpha.Id).SignalIds);
        var sol = await sp.GetRequiredService<IMaxxitStore>().GetSignalAsync(Assert.Single(Assert.Single(second.Agents, a => a.AgentId == beta.Id).SignalIds), default);
        Assert.Equal(["21"], sol!.SourceTweets);

        Assert.Equal(4L, metrics.Sum("maxxit.worker.posts_read"));
        Assert.Equal(2L, metrics.Sum("maxxit.worker.signals_generated"));
        Assert.Equal(1L, metrics.Sum("maxxit.worker.skipped", "llm_unparsable"));
        Assert.Equal(1L, metrics.Sum("maxxit.worker.agent_failures"));
        Assert.Equal(2, metrics.Count("maxxit.worker.cycle.duration"));
    }

    private static Recorded Listen(WorkerMetrics metrics)
    {
        var recorded = new Recorded();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => recorded.Add(i.Name, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => recorded.Add(i.Name, 1, tags));
        listener.Start();
        return recorded;
    }

    private sealed class Recorded
    {
        private readonly ConcurrentQueue<(string Name, long Value, string? Reason)> _items = new();

        public void Add(string name, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            _items.Enqueue((name, value, reason));
        }

        public long Sum(string name, string? reason = null) => _items.Where(i => i.Name == name && (reason is null || i.Reason == reason)).Sum(i => i.Value);

        public int Count(string name) => _items.Count(i => i.Name == name);
    }
}
