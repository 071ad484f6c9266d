using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>Body of <c>POST /api/v3/signals/generate</c>: a manual, venue-agnostic signal.</summary>
public sealed record GenerateSignalBody
{
    public Guid? AgentId { get; init; }

    public string? TokenSymbol { get; init; }

    public string? Side { get; init; }

    public SizeModelDto? SizeModel { get; init; }

    public RiskModelDto? RiskModel { get; init; }

    public decimal? Confidence { get; init; }

    public string? Reasoning { get; init; }

    public List<string>? SourceTweets { get; init; }

    public List<string>? SourceResearch { get; init; }

    public GenerateSignalRequest ToRequest() => new()
    {
        AgentId = AgentId,
        TokenSymbol = TokenSymbol,
        Side = Side,
        SizeModel = SizeModel is null
            ? null
            : new SizeModel(SizeModel.Type!, SizeModel.Value ?? throw new MaxxitValidationException("size_model.value", "is required")),
        RiskModel = RiskModel is null
            ? null
            : new RiskModel(RiskModel.Type!, RiskModel.Stop ?? throw new MaxxitValidationException("risk_model.stop", "is required"), RiskModel.TakeProfit, RiskModel.StopLoss),
        Confidence = Confidence,
        Reasoning = Reasoning,
        SourceTweets = SourceTweets,
        SourceResearch = SourceResearch,
    };
}
