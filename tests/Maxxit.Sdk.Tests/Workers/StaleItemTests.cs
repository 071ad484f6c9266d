using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Workers;

public sealed class StaleItemTests
{
    [Fact]
    public async Task Items_older_than_max_age_are_consumed_without_being_used()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var x = new InMemoryXPostSource();
        var research = new InMemoryResearchSource();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddMaxxitV3().AddSignalWorker(o => o.MaxItemAge = TimeSpan.FromHours(6)).UseXPostSource(_ => x).UseResearchSource(_ => research);
        await using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = TestServices.Wallet(1), Name = "A", XAccountIds = ["1"], ResearchInstituteIds = ["inst"], Weights = new AgentWeights(1m, 1m) });
        var now = time.GetUtcNow();
        x.Add(new XPost("10", "1", "$BTC breakout, bullish", now.AddDays(-2)), new XPost("11", "1", "$ETH breakout, bullish", now.AddMinutes(-5)));
        research.Add(new ResearchSignal("old", "inst", "SOL", TradeSide.Long, "last week", now.AddDays(-7)));

        var cycle = await sp.GetRequiredService<SignalWorker>().RunCycleAsync(default);

        var result = Assert.Single(cycle.Agents);
        Assert.Equal((2, 1), (result.PostsRead, result.ResearchRead));
        var signal = await sp.GetRequiredService<IMaxxitStore>().GetSignalAsync(Assert.Single(result.SignalIds), default);
        Assert.Equal("ETH", signal!.TokenSymbol);
        Assert.Equal(["11"], signal.SourceTweets);
        var cursor = await sp.GetRequiredService<IMaxxitStore>().GetCursorAsync(agent.Id, default);
        Assert.Equal("11", cursor.Positions["x:1"]);
        Assert.Equal("old", ResearchPosition.Parse(cursor.Positions["research:inst"])!.Value.Id);
    }
}
