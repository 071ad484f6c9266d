namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>One price level of a book.</summary>
/// <param name="Price">The price.</param>
/// <param name="Size">The total size resting at the price.</param>
/// <param name="Orders">How many orders make up the level.</param>
public readonly record struct HyperliquidBookLevel(decimal Price, decimal Size, int Orders);
