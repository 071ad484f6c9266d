namespace Maxxit.Sdk.Routing.Costs;

/// <summary>One price level of a book side: the price and the size (in coins) resting there.</summary>
/// <param name="Price">Price, &gt; 0.</param>
/// <param name="Size">Size in coins, &gt; 0; <see cref="double.PositiveInfinity"/> for an oracle quote that fills any size at one price.</param>
public readonly record struct BookLevel(double Price, double Size);
