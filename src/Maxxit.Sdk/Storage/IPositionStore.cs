using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>Positions (<c>positions_v3</c>) after they open: reading, trailing state and closing.</summary>
public interface IPositionStore
{
    /// <summary>The position, or null.</summary>
    Task<Position?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken);

    /// <summary>Positions matching the filters, newest first.</summary>
    Task<IReadOnlyList<Position>> ListPositionsAsync(PositionQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the positions in <paramref name="status"/>, oldest first (by opened_at, then id), strictly after
    /// <paramref name="after"/> (null for the first page): keyset pagination, so a pass over every position costs the
    /// same per page however many there are. With <paramref name="shardCount"/> above 1, only the positions whose id
    /// falls in shard <paramref name="shard"/> (0-based), so that several hosts can split the work.
    /// </summary>
    Task<IReadOnlyList<Position>> PagePositionsAsync(PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, CancellationToken cancellationToken);

    /// <summary>
    /// The same page as <see cref="PagePositionsAsync"/> (same order, keyset, shards and limits), narrowed to what the
    /// position monitor checks (<see cref="MonitoredPosition"/>): a pass over every OPEN position reads and decodes only
    /// these fields, and loads a full position only to close it.
    /// </summary>
    Task<IReadOnlyList<MonitoredPosition>> PageMonitoredPositionsAsync(PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, CancellationToken cancellationToken);

    /// <summary>Saves a new best price of an OPEN position's trailing stop.</summary>
    Task UpdateTrailingAsync(Guid positionId, TrailingParams trailing, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a position for closing: OPEN becomes CLOSING with the next close attempt (<see cref="Position.CloseAttempts"/> + 1);
    /// CLOSING with a lapsed claim is taken over with the same attempt. Either way with a new fence and a claim until
    /// now + <paramref name="lease"/>. Returns it, or null when another closer holds it or it is not open.
    /// </summary>
    Task<Position?> TryBeginCloseAsync(Guid positionId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a CLOSING position's close as accepted and filled later; the claim is kept until <paramref name="checkAt"/>.</summary>
    Task<Position?> MarkClosePendingAsync(Guid positionId, long fence, DateTimeOffset checkAt, CancellationToken cancellationToken);

    /// <summary>Puts a CLOSING position back to OPEN (its close was refused, cancelled or did not fill), keeping the reason.</summary>
    Task<Position?> ReopenAsync(Guid positionId, long fence, string reason, CancellationToken cancellationToken);

    /// <summary>Marks a CLOSING position CLOSED, under the closer's fence.</summary>
    Task<Position?> CompleteCloseAsync(Guid positionId, long fence, PositionClose close, CancellationToken cancellationToken);
}
