namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>One day of an agent's PnL curve.</summary>
/// <param name="Day">UTC day.</param>
/// <param name="DailyPnl">Realized PnL of the positions closed that day, USD.</param>
/// <param name="CumulativePnl">Realized PnL up to and including that day, USD.</param>
public sealed record PnlPoint(DateOnly Day, decimal DailyPnl, decimal CumulativePnl);
