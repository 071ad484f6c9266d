using System.Text.Json;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Sources;

namespace Maxxit.Sdk.Signals.Llm;

/// <summary>
/// Strict checks on the model's reply: one JSON object (a Markdown code fence around it is tolerated); the token listed
/// by some venue, mentioned in the input and the one under evaluation; side LONG or SHORT; confidence a number in
/// [0, 1]; size, when given, a number in (0, 100]. Any other field, a venue included, is ignored.
/// </summary>
internal static class LlmReplyValidator
{
    public static LlmReply Validate(string? text, SignalInput input, IMarketCatalog catalog, ITokenMentionExtractor mentions)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return LlmReply.Reject("llm_empty_reply", "the reply is empty");
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(StripFence(text));
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return LlmReply.Reject("llm_unparsable", $"the reply is not JSON ({ex.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return LlmReply.Reject("llm_unparsable", $"the reply is a JSON {root.ValueKind}, not an object");
        }

        var reasoning = root.TryGetProperty("reasoning", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()!.Trim() : string.Empty;
        if (!root.TryGetProperty("token", out var tokenElement) || tokenElement.ValueKind == JsonValueKind.Null)
        {
            return LlmReply.Reject("llm_declined", $"the model proposed no trade: {(reasoning.Length == 0 ? "no reason given" : reasoning)}");
        }

        if (tokenElement.ValueKind != JsonValueKind.String)
        {
            return LlmReply.Reject("llm_invalid_token", "token must be a string");
        }

        var token = tokenElement.GetString()!.Trim().TrimStart('$').ToUpperInvariant();
        if (token.Length is 0 or > 20 || !token.All(char.IsAsciiLetterOrDigit))
        {
            return LlmReply.Reject("llm_invalid_token", $"token '{Short(token)}' is not 1-20 letters or digits");
        }

        if (!catalog.IsListedAnywhere(token))
        {
            return LlmReply.Reject("llm_token_not_listed", $"token {token} is not listed by any venue");
        }

        if (!IsMentioned(token, input, mentions))
        {
            return LlmReply.Reject("llm_token_not_mentioned", $"token {token} is not mentioned in the posts or research given");
        }

        if (token != input.TokenSymbol)
        {
            return LlmReply.Reject("llm_token_mismatch", $"token {token} is not the token under evaluation ({input.TokenSymbol})");
        }

        TradeSide side;
        if (root.TryGetProperty("side", out var s) && s.ValueKind == JsonValueKind.String && s.GetString()!.Trim().ToUpperInvariant() is "LONG" or "SHORT")
        {
            side = s.GetString()!.Trim().ToUpperInvariant() == "LONG" ? TradeSide.Long : TradeSide.Short;
        }
        else
        {
            return LlmReply.Reject("llm_invalid_side", "side must be LONG or SHORT");
        }

        if (!root.TryGetProperty("confidence", out var c) || c.ValueKind != JsonValueKind.Number || !c.TryGetDecimal(out var confidence) || confidence is < 0m or > 1m)
        {
            return LlmReply.Reject("llm_invalid_confidence", "confidence must be a number in [0, 1]");
        }

        decimal? size = null;
        if (root.TryGetProperty("size_percent", out var z) && z.ValueKind != JsonValueKind.Null)
        {
            if (z.ValueKind != JsonValueKind.Number || !z.TryGetDecimal(out var value) || value is <= 0m or > 100m)
            {
                return LlmReply.Reject("llm_invalid_size", "size_percent must be a number in (0, 100]");
            }

            size = value;
        }

        return new LlmReply(token, side, confidence, reasoning, size, null, null);
    }

    private static bool IsMentioned(string token, SignalInput input, ITokenMentionExtractor mentions) =>
        input.Research.Any(r => string.Equals(r.TokenSymbol, token, StringComparison.OrdinalIgnoreCase))
        || input.Posts.Any(p => mentions.Extract(p.Text).Contains(token, StringComparer.Ordinal));

    private static string StripFence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal))
        {
            return t;
        }

        var firstLine = t.IndexOf('\n', StringComparison.Ordinal);
        var end = t.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? t[(firstLine + 1)..end].Trim() : t;
    }

    private static string Short(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
