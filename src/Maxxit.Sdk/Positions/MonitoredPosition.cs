namespace Maxxit.Sdk.Positions;

/// <summary>
/// What the position monitor reads of each position to check its close rules (<see cref="PositionTriggers"/>): the
/// market, the direction and the protection levels, plus the keyset (<see cref="OpenedAt"/>, <see cref="Id"/>).
/// A narrow read of <see cref="Storage.IPositionStore.PageMonitoredPositionsAsync"/>, so that a pass over many
/// positions whose prices did not move reads and decodes only these columns; the full <see cref="Position"/> is loaded
/// only for one that is closed.
/// </summary>
/// <param name="Id">Position id.</param>
/// <param name="OpenedAt">When it was opened (reserved): the keyset's first column.</param>
/// <param name="Venue">The venue holding it.</param>
/// <param name="TokenSymbol">Upper-case token symbol.</param>
/// <param name="Side">Direction.</param>
/// <param name="StopLoss">Stop-loss price, if any.</param>
/// <param name="TakeProfit">Take-profit price, if any.</param>
/// <param name="Trailing">Trailing stop, if any.</param>
public sealed record MonitoredPosition(
    Guid Id,
    DateTimeOffset OpenedAt,
    Venue Venue,
    string TokenSymbol,
    TradeSide Side,
    decimal? StopLoss,
    decimal? TakeProfit,
    TrailingParams? Trailing)
{
    /// <summary>The monitored fields of <paramref name="position"/>.</summary>
    public static MonitoredPosition From(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new MonitoredPosition(position.Id, position.OpenedAt, position.Venue, position.TokenSymbol, position.Side, position.StopLoss, position.TakeProfit, position.Trailing);
    }
}
