using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Signals.Llm;

/// <summary>
/// Agent What on a language model: sends the posts, research and market context about one token to any
/// <see cref="IChatClient"/>, asks for a JSON proposal and validates it strictly. An invalid or unparsable reply gives no
/// signal and a logged reason. Only a failure to reach the model throws (<see cref="SourceUnavailableException"/>),
/// so that the worker retries the same items. The model never chooses a venue: the router does.
/// </summary>
public sealed class LlmSignalGenerator : ISignalGenerator
{
    private const decimal MinSize = 10m;
    private const decimal MaxSize = 50m;
    private readonly IChatClient _chat;
    private readonly IMarketCatalog _catalog;
    private readonly ITokenMentionExtractor _mentions;
    private readonly LlmSignalGeneratorOptions _options;
    private readonly decimal _threshold;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger<LlmSignalGenerator> _logger;

    /// <summary>Creates the generator.</summary>
    public LlmSignalGenerator(
        IChatClient chat,
        IMarketCatalog catalog,
        ITokenMentionExtractor mentions,
        IOptions<LlmSignalGeneratorOptions> options,
        IOptions<MaxxitOptions> sdkOptions,
        WorkerMetrics metrics,
        ILogger<LlmSignalGenerator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sdkOptions);
        _chat = chat;
        _catalog = catalog;
        _mentions = mentions;
        _options = options.Value;
        _threshold = _options.MinConfidence ?? sdkOptions.Value.SignalConfidenceThreshold;
        _metrics = metrics;
        _logger = logger;
    }

    /// <inheritdoc />
    public async ValueTask<SignalIdea?> GenerateAsync(SignalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Posts.Count == 0 && input.Research.Count == 0)
        {
            return null;
        }

        await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var posts = input.Posts.OrderByDescending(p => p.Id, PostIds.Comparer).Take(_options.MaxPostsInPrompt).OrderBy(p => p.Id, PostIds.Comparer).ToArray();
        var messages = new[]
        {
            new ChatMessage(ChatRole.System, _options.SystemPrompt),
            new ChatMessage(ChatRole.User, LlmPrompt.Build(input, posts)),
        };
        var chatOptions = new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = _options.Temperature, ModelId = _options.ModelId };

        string? text;
        try
        {
            var response = await _chat.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            text = response.Text;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SourceUnavailableException("llm", $"the chat client failed for {input.TokenSymbol}: {ex.Message}", ex);
        }

        var reply = LlmReplyValidator.Validate(text, input, _catalog, _mentions);
        if (reply.IsRejected)
        {
            return Reject(input, reply.RejectCode!, reply.RejectReason!, text);
        }

        if (reply.Confidence < _threshold)
        {
            return Reject(input, "llm_below_threshold", $"confidence {reply.Confidence} is below {_threshold}", null);
        }

        var size = reply.SizePercent ?? SizeFor(reply.Confidence);
        var stop = WeightedSignalGenerator.TrailingStopFor(input.Market?.Volatility);
        var reasoning = reply.Reasoning.Length == 0 ? "LLM: no reasoning given" : "LLM: " + reply.Reasoning;
        return new SignalIdea(reply.Token!, reply.Side, size, RiskModel.Trailing(stop), reply.Confidence, reasoning, posts.Select(p => p.Id).ToArray(), input.Research.Select(r => r.Id).ToArray());
    }

    private SignalIdea? Reject(SignalInput input, string code, string reason, string? reply)
    {
        _metrics.Skipped(code);
        _logger.LogWarning("LLM generator: no signal for {Token} of agent {AgentId}: {Reason}", input.TokenSymbol, input.Agent.Id, reason);
        if (reply is not null)
        {
            _logger.LogDebug("LLM reply was: {Reply}", reply.Length <= 500 ? reply : reply[..500] + "…");
        }

        return null;
    }

    private decimal SizeFor(decimal confidence)
    {
        var span = 1m - _threshold;
        return span <= 0m ? MaxSize : Math.Clamp(Math.Round(MinSize + ((confidence - _threshold) / span * (MaxSize - MinSize)), 2), MinSize, MaxSize);
    }
}
