namespace Maxxit.Sdk.Signals;

public abstract partial record RiskModel
{
    /// <summary>Take-profit as the primary exit at <paramref name="Target"/> from entry; optionally also a fixed stop-loss level.</summary>
    /// <param name="Target">The take-profit distance from entry, in (0, 10].</param>
    /// <param name="StopLoss">Optional fixed stop-loss distance from entry, in (0, 1).</param>
    public sealed record TakeProfit(decimal Target, decimal? StopLoss = null) : RiskModel
    {
        // Declared by hand: the name is also that of a sibling model, which it hides here.
        /// <summary>Optional fixed stop-loss distance from entry, in (0, 1).</summary>
        public new decimal? StopLoss { get; init; } = StopLoss;

        /// <inheritdoc />
        internal override (decimal? StopLoss, decimal? TakeProfit, decimal? Trailing) Fractions => (StopLoss, Target, null);
    }
}
