namespace Maxxit.Sdk.Signals;

public abstract partial record RiskModel
{
    /// <summary>
    /// Trailing stop: close when the price retraces <paramref name="Stop"/> from its best since entry; optionally also a
    /// take-profit level and a fixed stop-loss level.
    /// </summary>
    /// <param name="Stop">The trailing retrace, in (0, 1).</param>
    /// <param name="TakeProfit">Optional take-profit distance from entry, in (0, 10].</param>
    /// <param name="StopLoss">Optional fixed stop-loss distance from entry, in (0, 1).</param>
    public sealed record TrailingStop(decimal Stop, decimal? TakeProfit = null, decimal? StopLoss = null) : RiskModel
    {
        // Declared by hand: the names are also those of sibling models, which they hide here.
        /// <summary>Optional take-profit distance from entry, in (0, 10].</summary>
        public new decimal? TakeProfit { get; init; } = TakeProfit;

        /// <summary>Optional fixed stop-loss distance from entry, in (0, 1).</summary>
        public new decimal? StopLoss { get; init; } = StopLoss;

        /// <inheritdoc />
        internal override (decimal? StopLoss, decimal? TakeProfit, decimal? Trailing) Fractions => (StopLoss, TakeProfit, Stop);
    }
}
