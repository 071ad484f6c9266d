using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>Positions (<c>positions_v3</c>) after they open: reading, trailing state and closing.</summary>
public interface IPositionStore
{
    /// <summary>The position, or null.</summary>
    Task<Position?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken);

    /// <summary>Positions matching the filters, newest first.</summary>
    Task<IReadOnlyList<Position>> ListPositionsAsync(PositionQuery query, CancellationToken cancellationToken);

    /// <summary>Saves a new best price of an OPEN position's trailing stop.</summary>
    Task UpdateTrailingAsync(Guid positionId, TrailingParams trailing, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a position for closing: OPEN, or CLOSING with a lapsed lease, becomes CLOSING until now + lease.
    /// Returns it, or null when another closer holds it or it is already closed.
    /// </summary>
    Task<Position?> TryBeginCloseAsync(Guid positionId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a CLOSING position CLOSED.</summary>
    Task<Position> CompleteCloseAsync(Guid positionId, PositionClose close, CancellationToken cancellationToken);
}
