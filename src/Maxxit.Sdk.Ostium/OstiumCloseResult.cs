namespace Maxxit.Sdk.Ostium;

/// <summary>A market close sent to Ostium; the fill follows when the oracle answers the order.</summary>
/// <param name="TransactionHash">The closeTradeMarket transaction.</param>
/// <param name="OrderId">The order id from the PriceRequested event, when the receipt carries one.</param>
/// <param name="MarketPrice">The price the close was requested at.</param>
public sealed record OstiumCloseResult(string TransactionHash, string? OrderId, decimal MarketPrice);
