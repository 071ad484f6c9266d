namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>One funding rate of a coin from <c>fundingHistory</c>.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="FundingRate">The hourly funding rate.</param>
/// <param name="Premium">The premium it was computed from.</param>
/// <param name="Time">UTC milliseconds.</param>
public sealed record HyperliquidFundingRate(string Coin, decimal FundingRate, decimal Premium, long Time);
