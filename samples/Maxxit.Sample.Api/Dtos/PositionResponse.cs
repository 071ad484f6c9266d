namespace Maxxit.Sample.Api.Dtos;

/// <summary>Answer of the close: <c>{success, position}</c>.</summary>
public sealed record PositionResponse(bool Success, PositionDto Position);
