using Maxxit.Sdk;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>A position as answered (the columns of <c>positions_v3</c>).</summary>
public sealed record PositionDto(
    Guid Id,
    Guid DeploymentId,
    Guid SignalId,
    Venue Venue,
    string TokenSymbol,
    TradeSide Side,
    decimal Qty,
    decimal EntryPrice,
    decimal SizePercent,
    decimal Leverage,
    decimal CollateralUsd,
    decimal? StopLoss,
    decimal? TakeProfit,
    TrailingDto? TrailingParams,
    PositionStatus Status,
    decimal? Pnl,
    decimal FeesUsd,
    string ClientOrderId,
    string? VenueOrderId,
    string? FailureReason,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt)
{
    public static PositionDto From(Position p) => new(
        p.Id,
        p.DeploymentId,
        p.SignalId,
        p.Venue,
        p.TokenSymbol,
        p.Side,
        p.Quantity,
        p.EntryPrice,
        p.SizePercent,
        p.Leverage,
        p.CollateralUsd,
        p.StopLoss,
        p.TakeProfit,
        TrailingDto.From(p.Trailing),
        p.Status,
        p.Pnl,
        p.FeesUsd,
        p.ClientOrderId,
        p.VenueOrderId,
        p.FailureReason,
        p.OpenedAt,
        p.ClosedAt);
}
