namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>One fill from <c>userFills</c>.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="Price">The fill price.</param>
/// <param name="Size">The filled size.</param>
/// <param name="IsBuy">True for a buy.</param>
/// <param name="Time">UTC milliseconds.</param>
/// <param name="OrderId">The order it belongs to.</param>
/// <param name="Fee">The fee paid.</param>
/// <param name="ClosedPnl">Realized PnL of the fill.</param>
/// <param name="ClientOrderId">The order's client order id, when it had one.</param>
public sealed record HyperliquidFill(
    string Coin,
    decimal Price,
    decimal Size,
    bool IsBuy,
    long Time,
    long OrderId,
    decimal Fee,
    decimal ClosedPnl,
    string? ClientOrderId)
{
    /// <summary>The exchange's direction text ("Open Long", "Close Short", "Long &gt; Short" for a flip, …), when sent.</summary>
    public string? Direction { get; init; }

    /// <summary>The trade id, when sent (older fills lack it).</summary>
    public long? TradeId { get; init; }

    /// <summary>The transaction hash.</summary>
    public string? Hash { get; init; }

    /// <summary>The signed position size before this fill, when sent.</summary>
    public decimal? StartPosition { get; init; }

    /// <summary>The token the fee was paid in, when sent (USDC when absent).</summary>
    public string? FeeToken { get; init; }

    /// <summary>
    /// A key that tells fills apart across snapshots and replays: the trade id when there is one, else
    /// (hash, order id, time, size, price) — a fill without a tid is still counted once.
    /// </summary>
    public string Key => TradeId is { } tid
        ? "t" + tid.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"h{Hash}|{OrderId}|{Time}|{Size}|{Price}");
}
