namespace Maxxit.Sdk.Signals;

public abstract partial record SizeModel
{
    /// <summary>A percentage of the trading account.</summary>
    /// <param name="Value">Percent of the account, in (0, 100].</param>
    public sealed record Percentage(decimal Value) : SizeModel
    {
        /// <inheritdoc />
        internal override decimal AccountPercent => Value;
    }
}
