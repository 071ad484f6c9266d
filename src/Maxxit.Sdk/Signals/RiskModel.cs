namespace Maxxit.Sdk.Signals;

/// <summary>How a position is protected. Fractions are relative to the entry price (0.03 = 3 %).</summary>
/// <param name="Type"><c>trailing-stop</c>, <c>stop-loss</c> or <c>take-profit</c>: the primary protection.</param>
/// <param name="Stop">The trailing retrace or stop-loss distance, in (0, 1).</param>
/// <param name="TakeProfit">Optional take-profit distance, in (0, 10].</param>
/// <param name="StopLoss">Optional fixed stop-loss distance in (0, 1) alongside a trailing stop.</param>
public sealed record RiskModel(string Type, decimal Stop, decimal? TakeProfit = null, decimal? StopLoss = null)
{
    /// <summary>Trailing stop: close when price retraces <see cref="Stop"/> from its best since entry.</summary>
    public const string TrailingStop = "trailing-stop";

    /// <summary>Fixed stop-loss at <see cref="Stop"/> from entry.</summary>
    public const string StopLossType = "stop-loss";

    /// <summary>Take-profit as the primary exit.</summary>
    public const string TakeProfitType = "take-profit";

    /// <summary>A trailing-stop model.</summary>
    public static RiskModel Trailing(decimal stop) => new(TrailingStop, stop);
}
