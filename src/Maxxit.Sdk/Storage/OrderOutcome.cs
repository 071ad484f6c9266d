using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>
/// What the venue answered for one opening order, to be recorded with <see cref="IExecutionStore.RecordOrderOutcomesAsync"/>.
/// Each outcome is applied exactly as the single-order write it stands for (<see cref="IExecutionStore.CompleteOpenAsync"/>,
/// <see cref="IExecutionStore.MarkPendingFillAsync"/> or <see cref="IExecutionStore.EndOpenAsync"/>), fenced the same way.
/// Made with <see cref="Opened"/>, <see cref="Pending"/> or <see cref="Ended"/>.
/// </summary>
public sealed record OrderOutcome
{
    private OrderOutcome(Guid positionId, long fence, PositionStatus status)
    {
        PositionId = positionId;
        Fence = fence;
        Status = status;
    }

    /// <summary>The position.</summary>
    public Guid PositionId { get; }

    /// <summary>The caller's fencing token; the outcome is refused under any other.</summary>
    public long Fence { get; }

    /// <summary>The status the position moves to: OPEN, PENDING_FILL, CANCELLED or FAILED.</summary>
    public PositionStatus Status { get; }

    /// <summary>The fill, for OPEN.</summary>
    public PositionFill? Fill { get; private init; }

    /// <summary>The venue's order id, for PENDING_FILL (null keeps the one recorded).</summary>
    public string? VenueOrderId { get; private init; }

    /// <summary>When the next fill check is due, for PENDING_FILL.</summary>
    public DateTimeOffset? CheckAt { get; private init; }

    /// <summary>Why, for CANCELLED or FAILED.</summary>
    public string? Reason { get; private init; }

    /// <summary>A filled order: the SUBMITTED or PENDING_FILL position becomes OPEN with <paramref name="fill"/>.</summary>
    public static OrderOutcome Opened(Guid positionId, long fence, PositionFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return new OrderOutcome(positionId, fence, PositionStatus.Open) { Fill = fill };
    }

    /// <summary>An order accepted to fill later: the position becomes PENDING_FILL, checked again at <paramref name="checkAt"/>.</summary>
    public static OrderOutcome Pending(Guid positionId, long fence, string? venueOrderId, DateTimeOffset checkAt) =>
        new(positionId, fence, PositionStatus.PendingFill) { VenueOrderId = venueOrderId, CheckAt = checkAt };

    /// <summary>An order refused or cancelled (CANCELLED) or that could not be sent (FAILED), with the reason.</summary>
    /// <exception cref="Errors.MaxxitValidationException"><paramref name="status"/> is neither CANCELLED nor FAILED.</exception>
    public static OrderOutcome Ended(Guid positionId, long fence, PositionStatus status, string reason)
    {
        if (status is not (PositionStatus.Cancelled or PositionStatus.Failed))
        {
            throw new Errors.MaxxitValidationException("status", "an opening order ends CANCELLED or FAILED");
        }

        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new OrderOutcome(positionId, fence, status) { Reason = reason };
    }
}
