using Maxxit.Sdk.Positions;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>Trailing-stop state of a position.</summary>
public sealed record TrailingDto(decimal Retrace, decimal BestPrice)
{
    public static TrailingDto? From(TrailingParams? trailing) => trailing is null ? null : new(trailing.Retrace, trailing.BestPrice);
}
