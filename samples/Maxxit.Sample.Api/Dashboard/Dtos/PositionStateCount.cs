using Maxxit.Sdk.Positions;

namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>Positions in one lifecycle state.</summary>
/// <param name="Status">The state.</param>
/// <param name="Count">Positions in it.</param>
public sealed record PositionStateCount(PositionStatus Status, int Count);
