namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>One funding payment of a user's position from <c>userFunding</c>.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="Usdc">USDC paid (negative) or received (positive).</param>
/// <param name="PositionSize">The signed position size it was paid on (<c>szi</c>).</param>
/// <param name="FundingRate">The funding rate applied.</param>
/// <param name="Time">UTC milliseconds.</param>
/// <param name="Hash">The transaction hash.</param>
public sealed record HyperliquidFundingPayment(string Coin, decimal Usdc, decimal PositionSize, decimal FundingRate, long Time, string Hash);
