using System.Text.Json;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Signals.Llm;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Tests.Sources;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Tests.Signals;

public sealed class LlmSignalGeneratorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeChatClient _chat = new();
    private readonly CapturingLogger<LlmSignalGenerator> _log = new();
    private ServiceProvider _sp = null!;
    private LlmSignalGenerator _generator = null!;

    private static Agent Agent { get; } = new() { Id = Guid.NewGuid(), CreatorWallet = "0x" + new string('a', 40), Name = "LLM", Weights = new AgentWeights(1m, 0m), CreatedAt = At };

    private static SignalInput EthInput { get; } = new(
        Agent,
        "ETH",
        [new XPost("101", "42", "$ETH breakout above the range, BTC following", At), new XPost("102", "42", "ETH funding still negative", At)],
        [new ResearchSignal("r1", "inst-1", "ETH", TradeSide.Long, "ETF inflows", At)],
        new MarketContext("ETH", 3200m, 0.031m, 1.2e9m, 0.06m, 0.0001m));

    public async Task InitializeAsync()
    {
        _sp = TestServices.Build(b => b.AddSignalWorker());
        var catalog = _sp.GetRequiredService<IMarketCatalog>();
        await catalog.EnsureFreshAsync(default);
        _generator = new LlmSignalGenerator(_chat, catalog, _sp.GetRequiredService<ITokenMentionExtractor>(), Options.Create(new LlmSignalGeneratorOptions()), _sp.GetRequiredService<IOptions<MaxxitOptions>>(), _sp.GetRequiredService<WorkerMetrics>(), _log);
    }

    public Task DisposeAsync() => _sp.DisposeAsync().AsTask();

    [Fact]
    public async Task A_valid_reply_becomes_a_venue_free_idea_with_the_inputs_as_sources()
    {
        _chat.Reply("""{"token": "ETH", "side": "LONG", "confidence": 0.82, "reasoning": "breakout with ETF inflows", "size_percent": 20, "venue": "OSTIUM"}""");

        var idea = await _generator.GenerateAsync(EthInput, default);

        Assert.NotNull(idea);
        Assert.Equal(("ETH", TradeSide.Long, 0.82m, 20m), (idea.TokenSymbol, idea.Side, idea.Confidence, idea.SizePercent));
        Assert.Equal(RiskModel.Trailing(0.06m), idea.Risk);
        Assert.Equal(["101", "102"], idea.SourceTweets);
        Assert.Equal(["r1"], idea.SourceResearch);
        Assert.Equal("LLM: breakout with ETF inflows", idea.Reasoning);

        // What was sent: the system prompt, then the evidence as JSON, with a JSON response format.
        var (messages, options) = Assert.Single(_chat.Calls);
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal(ChatResponseFormat.Json, options!.ResponseFormat);
        using var sent = JsonDocument.Parse(messages[1].Text);
        Assert.Equal("ETH", sent.RootElement.GetProperty("token").GetString());
        Assert.Equal(["101", "102"], sent.RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("BUY", sent.RootElement.GetProperty("research")[0].GetProperty("call").GetString());
        Assert.Equal(0.06m, sent.RootElement.GetProperty("market").GetProperty("daily_volatility").GetDecimal());
    }

    [Fact]
    public async Task Without_a_size_the_size_follows_confidence_and_a_code_fence_is_tolerated()
    {
        _chat.Reply("```json\n{\"token\": \"eth\", \"side\": \"short\", \"confidence\": 1, \"reasoning\": \"x\"}\n```");
        var idea = await _generator.GenerateAsync(EthInput, default);
        Assert.Equal(("ETH", TradeSide.Short, 50m), (idea!.TokenSymbol, idea.Side, idea.SizePercent));
    }

    [Theory]
    [InlineData("I think ETH will go up!", "not JSON")]
    [InlineData("""{"token": "ETH", "side": "LONG", "confidence": 0.9""", "not JSON")]
    [InlineData("""["ETH", "LONG"]""", "not an object")]
    [InlineData("", "empty")]
    [InlineData("""{"token": null, "reasoning": "mixed evidence"}""", "mixed evidence")]
    [InlineData("""{"token": "XYZ", "side": "LONG", "confidence": 0.9}""", "not listed")]
    [InlineData("""{"token": "SOL", "side": "LONG", "confidence": 0.9}""", "not mentioned")]
    [InlineData("""{"token": "BTC", "side": "LONG", "confidence": 0.9}""", "not the token under evaluation")]
    [InlineData("""{"token": 7, "side": "LONG", "confidence": 0.9}""", "must be a string")]
    [InlineData("""{"token": "ETH", "side": "BUY", "confidence": 0.9}""", "side must be LONG or SHORT")]
    [InlineData("""{"token": "ETH", "confidence": 0.9}""", "side must be LONG or SHORT")]
    [InlineData("""{"token": "ETH", "side": "LONG", "confidence": 1.5}""", "confidence must be")]
    [InlineData("""{"token": "ETH", "side": "LONG", "confidence": -0.1}""", "confidence must be")]
    [InlineData("""{"token": "ETH", "side": "LONG", "confidence": "0.9"}""", "confidence must be")]
    [InlineData("""{"token": "ETH", "side": "LONG", "confidence": 0.9, "size_percent": 0}""", "size_percent must be")]
    [InlineData("""{"token": "ETH", "side": "LONG", "confidence": 0.9, "size_percent": 150}""", "size_percent must be")]
    [InlineData("""{"token": "ETH", "side": "LONG", "confidence": 0.3}""", "below")]
    public async Task An_invalid_or_unparsable_reply_gives_no_signal_and_a_logged_reason(string reply, string reason)
    {
        _chat.Reply(reply);

        var idea = await _generator.GenerateAsync(EthInput, default);

        Assert.Null(idea);
        var warning = Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.Contains("ETH", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_client_failure_is_a_source_error_so_that_the_worker_retries()
    {
        _chat.Fail(new HttpRequestException("connection refused"));
        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => _generator.GenerateAsync(EthInput, default).AsTask());
        Assert.Equal("llm", error.Source);
    }

    [Fact]
    public void UseLlmSignalGenerator_makes_it_agent_what_with_the_users_chat_client()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(_chat);
        services.AddMaxxitV3().UseLlmSignalGenerator(o => o.MaxPostsInPrompt = 5);
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.IsType<LlmSignalGenerator>(sp.GetRequiredService<ISignalGenerator>());

        var bad = new ServiceCollection();
        bad.AddSingleton<IChatClient>(_chat);
        bad.AddMaxxitV3().UseLlmSignalGenerator(o => o.MaxPostsInPrompt = 0);
        using var badSp = bad.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => badSp.GetRequiredService<ISignalGenerator>());
        Assert.Contains("MaxPostsInPrompt", error.Message);
    }
}
