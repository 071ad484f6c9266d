using Maxxit.Sdk;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>A signal as answered (the columns of <c>signals_v3</c>).</summary>
public sealed record SignalDto(
    Guid Id,
    Guid AgentId,
    string TokenSymbol,
    TradeSide Side,
    SizeModelDto SizeModel,
    RiskModelDto RiskModel,
    decimal Confidence,
    Venue RequestedVenue,
    Venue? FinalVenue,
    DateTimeOffset? RoutedAt,
    IReadOnlyList<string> SourceTweets,
    IReadOnlyList<string> SourceResearch,
    string? Reasoning,
    SignalStatus Status,
    string? SkippedReason,
    DateTimeOffset? ExecutedAt,
    DateTimeOffset CreatedAt)
{
    public static SignalDto From(Signal signal) => new(
        signal.Id,
        signal.AgentId,
        signal.TokenSymbol,
        signal.Side,
        SizeModelDto.From(signal.SizeModel),
        RiskModelDto.From(signal.RiskModel),
        signal.Confidence,
        signal.RequestedVenue,
        signal.FinalVenue,
        signal.RoutedAt,
        signal.SourceTweets,
        signal.SourceResearch,
        signal.Reasoning,
        signal.Status,
        signal.SkippedReason,
        signal.ExecutedAt,
        signal.CreatedAt);
}
