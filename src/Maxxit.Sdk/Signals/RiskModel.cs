namespace Maxxit.Sdk.Signals;

/// <summary>
/// How a position is protected: a closed set of models, one per primary exit, each with the optional extra levels the
/// position monitor enforces beside it. Fractions are relative to the entry price (0.03 = 3 %). The wire and storage form
/// (<c>{type: "trailing-stop", stop, take_profit?, stop_loss?}</c>) is <see cref="RiskModelForm"/>.
/// </summary>
public abstract partial record RiskModel
{
    // Only the nested models derive from it: the hierarchy is closed (the internal member below cannot be implemented elsewhere).
    private RiskModel()
    {
    }

    /// <summary>The fractions the position's levels are set from: fixed stop-loss, take-profit and trailing retrace.</summary>
    internal abstract (decimal? StopLoss, decimal? TakeProfit, decimal? Trailing) Fractions { get; }

    /// <summary>A <see cref="TrailingStop"/> without extra levels.</summary>
    /// <param name="stop">The retrace from the best price since entry, in (0, 1).</param>
    public static RiskModel Trailing(decimal stop) => new TrailingStop(stop);
}
