namespace Maxxit.Sdk.Positions;

/// <summary>What one pass of the position monitor did.</summary>
/// <param name="Checked">OPEN positions priced and checked.</param>
/// <param name="BestPriceUpdates">Trailing best prices saved.</param>
/// <param name="Closed">Positions this pass closed (including CLOSING ones it finished after a lapsed lease).</param>
/// <param name="Resumed">Of <paramref name="Closed"/>, those finished after a lapsed lease.</param>
/// <param name="Skipped">Positions left alone: no position-capable adapter, market not listed, no price, or claimed by another closer.</param>
/// <param name="Failed">Closes that failed (refused: the position is OPEN again; unknown: it stays CLOSING until its lease).</param>
/// <param name="Confirmed">Pending or unknown orders whose fate fill confirmation recorded this pass (opened, cancelled or needing reconciliation).</param>
public sealed record MonitorPassResult(int Checked, int BestPriceUpdates, IReadOnlyList<Position> Closed, int Resumed, int Skipped, int Failed, IReadOnlyList<Position>? Confirmed = null);
