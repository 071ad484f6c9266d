using System.Collections.Concurrent;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Workers;

/// <summary>The worker drops exactly the generator ideas that the client refuses as manual signals: one validator serves both.</summary>
public sealed class SignalWorkerValidationTests
{
    public static TheoryData<string, decimal, RiskModel, decimal, string> BadIdeas => new()
    {
        // What an LLM might propose: a take-profit of 5000 % beside the trailing stop, a zero take-profit target, a fixed
        // stop-loss past the entry, a size over 100 %, a confidence above 1, a stop of 0.
        { "take-profit too far", 20m, new RiskModel.TrailingStop(0.03m, TakeProfit: 50m), 0.8m, "Risk.TakeProfit|RiskModel.TakeProfit" },
        { "take-profit target zero", 20m, new RiskModel.TakeProfit(0m), 0.8m, "Risk.Target|RiskModel.Target" },
        { "stop-loss of 100 %", 20m, new RiskModel.TakeProfit(0.1m, StopLoss: 1m), 0.8m, "Risk.StopLoss|RiskModel.StopLoss" },
        { "stop-loss model without distance", 20m, new RiskModel.StopLoss(0m), 0.8m, "Risk.Stop|RiskModel.Stop" },
        { "size over 100 %", 120m, RiskModel.Trailing(0.03m), 0.8m, "SizePercent|SizeModel.Value" },
        { "confidence over 1", 20m, RiskModel.Trailing(0.03m), 1.2m, "Confidence|Confidence" },
    };

    [Theory]
    [MemberData(nameof(BadIdeas))]
    public async Task The_worker_drops_what_the_client_refuses_with_the_same_reason(string what, decimal size, RiskModel risk, decimal confidence, string members)
    {
        var (ideaMember, requestMember) = (members.Split('|')[0], members.Split('|')[1]);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var x = new InMemoryXPostSource();
        var log = new CapturingLoggerProvider();
        var generator = new ScriptedGenerator
        {
            ["ETH"] = new SignalIdea("ETH", TradeSide.Long, size, risk, confidence, what, [], []),
            ["BTC"] = new SignalIdea("BTC", TradeSide.Short, 10m, new RiskModel.TrailingStop(0.03m, TakeProfit: 0.2m, StopLoss: 0.05m), 0.7m, "valid", [], []),
        };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.AddProvider(log));
        services.AddMaxxitV3().AddSignalWorker(o => o.ExecuteSignals = false).UseXPostSource(_ => x);
        services.Replace(ServiceDescriptor.Singleton<ISignalGenerator>(generator));
        await using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = TestServices.Wallet(1), Name = "A", XAccountIds = ["1"] });

        // The client refuses the idea's values as a manual signal ...
        var refused = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id, TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(size), RiskModel = risk, Confidence = confidence,
        }));
        Assert.Equal($"{nameof(GenerateSignalRequest)}.{requestMember}", refused.Field);

        // ... and the worker drops the same idea, for the same reason, while keeping the valid one of the same batch.
        x.Add(new XPost("11", "1", "$ETH breakout, bullish", time.GetUtcNow()), new XPost("12", "1", "$BTC looks weak", time.GetUtcNow()));
        var cycle = await sp.GetRequiredService<SignalWorker>().RunCycleAsync(default);
        var result = Assert.Single(cycle.Agents);
        var stored = await sp.GetRequiredService<IMaxxitStore>().GetSignalAsync(Assert.Single(result.SignalIds), default);
        Assert.Equal(("BTC", new RiskModel.TrailingStop(0.03m, TakeProfit: 0.2m, StopLoss: 0.05m)), (stored!.TokenSymbol, stored.RiskModel));
        var warning = Assert.Single(log.Lines, l => l.Contains("invalid signal for ETH", StringComparison.Ordinal));
        Assert.Contains($"{nameof(SignalIdea)}.{ideaMember} {refused.Reason}", warning, StringComparison.Ordinal);
        Assert.Equal(["BTC", "ETH"], generator.Asked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_validator_names_the_idea_member_and_normalises_a_good_idea()
    {
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var agentId = Guid.NewGuid();
        var good = new SignalIdea("eth", TradeSide.Short, 25m, new RiskModel.StopLoss(0.05m, TakeProfit: 0.1m), 0.9m, "why", ["1"], ["r"]);
        var signal = SignalValidator.ToSignal(good, agentId, now);
        Assert.Equal(("ETH", TradeSide.Short, (SizeModel)new SizeModel.Percentage(25m), (RiskModel)new RiskModel.StopLoss(0.05m, 0.1m), agentId, now), (signal.TokenSymbol, signal.Side, signal.SizeModel, signal.RiskModel, signal.AgentId, signal.CreatedAt));

        Assert.Equal("SignalIdea.TokenSymbol", Assert.Throws<MaxxitValidationException>(() => SignalValidator.ToSignal(good with { TokenSymbol = "ET H" }, agentId, now)).Field);
        Assert.Equal("SignalIdea.Side", Assert.Throws<MaxxitValidationException>(() => SignalValidator.ToSignal(good with { Side = (TradeSide)3 }, agentId, now)).Field);
        Assert.Equal("SignalIdea.Risk", Assert.Throws<MaxxitValidationException>(() => SignalValidator.ToSignal(good with { Risk = null! }, agentId, now)).Field);
        Assert.Equal("SignalIdea.SourceTweets", Assert.Throws<MaxxitValidationException>(() => SignalValidator.ToSignal(good with { SourceTweets = [" "] }, agentId, now)).Field);
    }

    private sealed class ScriptedGenerator : Dictionary<string, SignalIdea>, ISignalGenerator
    {
        public ConcurrentQueue<string> Asked { get; } = new();

        public ValueTask<SignalIdea?> GenerateAsync(SignalInput input, CancellationToken cancellationToken)
        {
            Asked.Enqueue(input.TokenSymbol);
            return ValueTask.FromResult(TryGetValue(input.TokenSymbol, out var idea) ? idea : null);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception));
        }
    }
}
