namespace Maxxit.Sdk.Positions;

/// <summary>
/// The close rules for one price observation. When several fire on the same price, the reason is chosen in this
/// order: <see cref="CloseReason.StopLoss"/>, then <see cref="CloseReason.TrailingStop"/>, then
/// <see cref="CloseReason.TakeProfit"/> (the hard loss limit is the fact risk reporting must see first).
/// </summary>
public static class PositionTriggers
{
    /// <summary>
    /// The trailing state after seeing <paramref name="price"/>: a new best (higher for a long, lower for a short), or
    /// null when the position has no trailing stop or the price does not improve on the best.
    /// </summary>
    public static TrailingParams? ImproveBest(Position position, decimal price)
    {
        ArgumentNullException.ThrowIfNull(position);
        return ImproveBest(MonitoredPosition.From(position), price);
    }

    /// <summary>The trailing state after seeing <paramref name="price"/>, as <see cref="ImproveBest(Position, decimal)"/>.</summary>
    public static TrailingParams? ImproveBest(MonitoredPosition position, decimal price)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Trailing is not { } trailing)
        {
            return null;
        }

        var better = position.Side == TradeSide.Long ? price > trailing.BestPrice : price < trailing.BestPrice;
        return better ? trailing with { BestPrice = price } : null;
    }

    /// <summary>
    /// The price at which the trailing stop fires: best × (1 − retrace) for a long, best × (1 + retrace) for a short;
    /// null without a trailing stop.
    /// </summary>
    public static decimal? TrailingStopPrice(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return TrailingStopPrice(MonitoredPosition.From(position));
    }

    /// <summary>The price at which the trailing stop fires, as <see cref="TrailingStopPrice(Position)"/>.</summary>
    public static decimal? TrailingStopPrice(MonitoredPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return position.Trailing is { } t
            ? t.BestPrice * (position.Side == TradeSide.Long ? 1m - t.Retrace : 1m + t.Retrace)
            : null;
    }

    /// <summary>
    /// Why the position must close at <paramref name="price"/>, or null when no rule fires. The caller applies
    /// <see cref="ImproveBest(Position, decimal)"/> first, so that the trailing stop is measured from a best that includes this price.
    /// Levels are inclusive: a price exactly at a level fires it.
    /// </summary>
    public static CloseReason? Evaluate(Position position, decimal price)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Evaluate(MonitoredPosition.From(position), price);
    }

    /// <summary>Why the position must close at <paramref name="price"/>, as <see cref="Evaluate(Position, decimal)"/>.</summary>
    public static CloseReason? Evaluate(MonitoredPosition position, decimal price)
    {
        ArgumentNullException.ThrowIfNull(position);
        var isLong = position.Side == TradeSide.Long;
        if (position.StopLoss is { } sl && (isLong ? price <= sl : price >= sl))
        {
            return CloseReason.StopLoss;
        }

        if (TrailingStopPrice(position) is { } stop && (isLong ? price <= stop : price >= stop))
        {
            return CloseReason.TrailingStop;
        }

        if (position.TakeProfit is { } tp && (isLong ? price >= tp : price <= tp))
        {
            return CloseReason.TakeProfit;
        }

        return null;
    }
}
