namespace Maxxit.Sdk.Signals;

public abstract partial record RiskModel
{
    /// <summary>Fixed stop-loss at <paramref name="Stop"/> from entry; optionally also a take-profit level.</summary>
    /// <param name="Stop">The stop-loss distance from entry, in (0, 1).</param>
    /// <param name="TakeProfit">Optional take-profit distance from entry, in (0, 10].</param>
    public sealed record StopLoss(decimal Stop, decimal? TakeProfit = null) : RiskModel
    {
        // Declared by hand: the name is also that of a sibling model, which it hides here.
        /// <summary>Optional take-profit distance from entry, in (0, 10].</summary>
        public new decimal? TakeProfit { get; init; } = TakeProfit;

        /// <inheritdoc />
        internal override (decimal? StopLoss, decimal? TakeProfit, decimal? Trailing) Fractions => (Stop, TakeProfit, null);
    }
}
