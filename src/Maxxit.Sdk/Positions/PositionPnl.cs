namespace Maxxit.Sdk.Positions;

/// <summary>Realized profit and loss of a closed position.</summary>
public static class PositionPnl
{
    /// <summary>
    /// (exit − entry) × quantity for a long, (entry − exit) × quantity for a short, minus the opening fees
    /// (<see cref="Position.FeesUsd"/>) and <paramref name="closeFeesUsd"/>. USD.
    /// </summary>
    public static decimal Realized(Position position, decimal exitPrice, decimal closeFeesUsd)
    {
        ArgumentNullException.ThrowIfNull(position);
        var move = position.Side == TradeSide.Long ? exitPrice - position.EntryPrice : position.EntryPrice - exitPrice;
        return (move * position.Quantity) - position.FeesUsd - closeFeesUsd;
    }
}
