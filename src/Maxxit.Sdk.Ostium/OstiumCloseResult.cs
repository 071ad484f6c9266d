namespace Maxxit.Sdk.Ostium;

/// <summary>A market close sent to Ostium: a request; the fill follows when the oracle answers the order.</summary>
/// <param name="TransactionHash">The closeTradeMarket transaction.</param>
/// <param name="OrderId">The order id (topic 1 of <c>MarketCloseOrderInitiatedV2</c> / <c>PriceRequested</c>), when the receipt carries one; ask <see cref="OstiumVenue.GetOrderFateAsync"/> with it for the fill.</param>
/// <param name="MarketPrice">The price the close was requested at.</param>
public sealed record OstiumCloseResult(string TransactionHash, string? OrderId, decimal MarketPrice);
