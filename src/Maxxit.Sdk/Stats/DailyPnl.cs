namespace Maxxit.Sdk.Stats;

/// <summary>Realized PnL of the positions closed on one UTC day.</summary>
/// <param name="Day">The UTC day of closing.</param>
/// <param name="Closed">Positions closed that day.</param>
/// <param name="Pnl">Their realized PnL, USD.</param>
public sealed record DailyPnl(DateOnly Day, int Closed, decimal Pnl);
