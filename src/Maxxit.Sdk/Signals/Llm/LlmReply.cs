namespace Maxxit.Sdk.Signals.Llm;

/// <summary>A validated model reply: a proposal, or a reason code and text for why there is none.</summary>
internal sealed record LlmReply(string? Token, TradeSide Side, decimal Confidence, string Reasoning, decimal? SizePercent, string? RejectCode, string? RejectReason)
{
    public bool IsRejected => RejectCode is not null;

    public static LlmReply Reject(string code, string reason) => new(null, TradeSide.Long, 0m, string.Empty, null, code, reason);
}
