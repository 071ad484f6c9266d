namespace Maxxit.Sdk.Positions;

/// <summary>
/// Where a page of <see cref="Storage.IPositionStore.PagePositionsAsync"/> (or of
/// <see cref="Storage.IPositionStore.PageMonitoredPositionsAsync"/>) ended: the last row's (opened_at, id).
/// </summary>
/// <param name="OpenedAt">The last row's opening time.</param>
/// <param name="Id">The last row's id.</param>
public readonly record struct PositionPageKey(DateTimeOffset OpenedAt, Guid Id)
{
    /// <summary>The key after <paramref name="position"/>.</summary>
    public static PositionPageKey After(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new PositionPageKey(position.OpenedAt, position.Id);
    }

    /// <summary>The key after <paramref name="position"/>.</summary>
    public static PositionPageKey After(MonitoredPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new PositionPageKey(position.OpenedAt, position.Id);
    }
}
