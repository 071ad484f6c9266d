namespace Maxxit.Sdk.Signals.Llm;

/// <summary>Options of the LLM signal generator.</summary>
public sealed class LlmSignalGeneratorOptions
{
    /// <summary>The instructions sent as the system message; the default asks for the JSON reply the generator validates.</summary>
    public string SystemPrompt { get; set; } = DefaultSystemPrompt;

    /// <summary>Model id passed in the chat options, or null for the client's default.</summary>
    public string? ModelId { get; set; }

    /// <summary>Sampling temperature (default 0.1: the same input should give the same call).</summary>
    public float? Temperature { get; set; } = 0.1f;

    /// <summary>Most recent posts sent per token (1–500, default 50); older ones are left out of the prompt and of the signal's sources.</summary>
    public int MaxPostsInPrompt { get; set; } = 50;

    /// <summary>Confidence below which a valid reply still gives no signal; null uses <see cref="MaxxitOptions.SignalConfidenceThreshold"/>.</summary>
    public decimal? MinConfidence { get; set; }

    /// <summary>The default system prompt.</summary>
    public const string DefaultSystemPrompt = """
        You are the signal desk of a trading agent. You receive X posts, research calls and market context about one
        token. Decide whether they justify a trade on that token. Reply with one JSON object and nothing else:
        {"token": "<the token you were given>", "side": "LONG" | "SHORT", "confidence": <number 0..1>,
         "reasoning": "<one or two sentences>", "size_percent": <optional number in (0, 100]>}
        If the evidence is weak or mixed, reply {"token": null, "reasoning": "<why not>"}.
        Do not choose a trading venue: routing is decided elsewhere.
        """;
}
