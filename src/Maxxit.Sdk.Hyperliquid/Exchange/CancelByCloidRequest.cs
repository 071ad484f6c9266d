namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>Cancel one order by its client order id.</summary>
/// <param name="Asset">The asset index.</param>
/// <param name="ClientOrderId">The client order id given when the order was placed.</param>
public sealed record CancelByCloidRequest(int Asset, Cloid ClientOrderId);
