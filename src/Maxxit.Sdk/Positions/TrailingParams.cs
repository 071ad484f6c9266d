namespace Maxxit.Sdk.Positions;

/// <summary>Trailing-stop state of a position.</summary>
/// <param name="Retrace">Retrace from the best price that closes the position, as a fraction (0.03 = 3 %).</param>
/// <param name="BestPrice">Best price since entry: highest for a long, lowest for a short.</param>
public sealed record TrailingParams(decimal Retrace, decimal BestPrice);
