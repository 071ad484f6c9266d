using Maxxit.Sample.Api.Http;
using Maxxit.Sdk;
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

    /// <summary>The SDK request: the wire's side name and flat size and risk forms become typed values here, at the edge.</summary>
    public GenerateSignalRequest ToRequest() => new()
    {
        AgentId = AgentId,
        TokenSymbol = TokenSymbol,
        Side = SideOf(Side),
        SizeModel = SizeModel?.ToModel(),
        RiskModel = RiskModel?.ToModel(),
        Confidence = Confidence,
        Reasoning = Reasoning,
        SourceTweets = SourceTweets,
        SourceResearch = SourceResearch,
    };

    private static TradeSide? SideOf(string? side) => side switch
    {
        null or "" => null,
        "LONG" or "long" or "Long" => TradeSide.Long,
        "SHORT" or "short" or "Short" => TradeSide.Short,
        _ => throw new ApiErrorException(StatusCodes.Status400BadRequest, $"side: must be LONG or SHORT, not '{side}'", "side"),
    };
}
