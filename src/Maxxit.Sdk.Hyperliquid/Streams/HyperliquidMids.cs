namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>One <c>allMids</c> message: the mid price of every coin with a book.</summary>
/// <param name="Mids">Coin to mid price.</param>
/// <param name="ReceivedAt">When the message arrived (the stream client's clock).</param>
public sealed record HyperliquidMids(IReadOnlyDictionary<string, decimal> Mids, DateTimeOffset ReceivedAt);
