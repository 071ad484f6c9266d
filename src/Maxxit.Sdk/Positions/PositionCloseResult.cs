namespace Maxxit.Sdk.Positions;

/// <summary>The result of closing a position.</summary>
/// <param name="Outcome">Whether this caller closed it.</param>
/// <param name="Position">The position as it is now (CLOSED when <see cref="Outcome"/> is <see cref="PositionCloseOutcome.Closed"/>), or null when it does not exist.</param>
/// <param name="AgentId">The agent of the position's deployment, when this caller closed it.</param>
public sealed record PositionCloseResult(PositionCloseOutcome Outcome, Position? Position, Guid? AgentId);
