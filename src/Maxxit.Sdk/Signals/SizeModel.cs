namespace Maxxit.Sdk.Signals;

/// <summary>
/// How big a trade is. A closed set: <see cref="Percentage"/> is the only model so far. Its wire and storage form
/// (<c>{type: "percentage", value}</c>) is <see cref="SizeModelForm"/>.
/// </summary>
public abstract partial record SizeModel
{
    // Only the nested models derive from it: the hierarchy is closed (the internal member below cannot be implemented elsewhere).
    private SizeModel()
    {
    }

    /// <summary>The percent of the trading account this model asks for.</summary>
    internal abstract decimal AccountPercent { get; }

    /// <summary>A <see cref="Percentage"/> size model.</summary>
    /// <param name="value">Percent of the account, in (0, 100].</param>
    public static SizeModel PercentOf(decimal value) => new Percentage(value);
}
