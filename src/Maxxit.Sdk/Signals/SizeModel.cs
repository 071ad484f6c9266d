namespace Maxxit.Sdk.Signals;

/// <summary>How big a trade is: a percentage of the trading account (the only model so far).</summary>
/// <param name="Type">Always <c>percentage</c>.</param>
/// <param name="Value">Percent of the account, in (0, 100].</param>
public sealed record SizeModel(string Type, decimal Value)
{
    /// <summary>The percentage model's name.</summary>
    public const string Percentage = "percentage";

    /// <summary>A percentage size model.</summary>
    public static SizeModel PercentOf(decimal value) => new(Percentage, value);
}
