namespace Maxxit.Sdk.Signals;

/// <summary>Input of the manual generate-signal operation.</summary>
public sealed record GenerateSignalRequest
{
    /// <summary>The agent. Required.</summary>
    public Guid? AgentId { get; init; }

    /// <summary>Token symbol: 1–20 letters or digits (upper-cased here). Required.</summary>
    public string? TokenSymbol { get; init; }

    /// <summary>Direction. Required.</summary>
    public TradeSide? Side { get; init; }

    /// <summary>Size, e.g. <see cref="SizeModel.PercentOf"/> with a percentage in (0, 100]. Required.</summary>
    public SizeModel? SizeModel { get; init; }

    /// <summary>Protection, e.g. <see cref="RiskModel.Trailing"/> with a retrace in (0, 1). Required.</summary>
    public RiskModel? RiskModel { get; init; }

    /// <summary>Confidence in [0, 1]. Required.</summary>
    public decimal? Confidence { get; init; }

    /// <summary>Optional reasoning text.</summary>
    public string? Reasoning { get; init; }

    /// <summary>Optional source post ids.</summary>
    public IReadOnlyList<string>? SourceTweets { get; init; }

    /// <summary>Optional source research ids.</summary>
    public IReadOnlyList<string>? SourceResearch { get; init; }
}
