namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>Cancel one order by its exchange order id.</summary>
/// <param name="Asset">The asset index.</param>
/// <param name="OrderId">The exchange order id (oid).</param>
public sealed record CancelRequest(int Asset, long OrderId);
