namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>A latest price from Ostium's price feed.</summary>
/// <param name="From">The base asset.</param>
/// <param name="To">The quote asset.</param>
/// <param name="Bid">Bid.</param>
/// <param name="Mid">Mid.</param>
/// <param name="Ask">Ask.</param>
/// <param name="IsMarketOpen">Whether the market trades now (forex, commodities and stocks close).</param>
/// <param name="Timestamp">When the price was published.</param>
/// <param name="IsDayTradingClosed">
/// Whether day trading is closed (the oracle's <c>isDayTradingClosed</c>): then the pair's overnight maximum leverage applies.
/// </param>
public sealed record OstiumPrice(string From, string To, decimal Bid, decimal Mid, decimal Ask, bool IsMarketOpen, DateTimeOffset Timestamp, bool IsDayTradingClosed = false);
