namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>
/// A resting order from <c>openOrders</c> (coin, side, price, size, oid, time) or <c>frontendOpenOrders</c> (also the
/// original size, cloid, type, time in force and trigger fields); the fields only the latter sends are null otherwise.
/// </summary>
/// <param name="Coin">The coin.</param>
/// <param name="IsBuy">True for a buy.</param>
/// <param name="LimitPrice">The limit price.</param>
/// <param name="Size">The size still open.</param>
/// <param name="OrderId">The exchange order id.</param>
/// <param name="Timestamp">When it was placed, UTC milliseconds.</param>
public sealed record HyperliquidOpenOrder(string Coin, bool IsBuy, decimal LimitPrice, decimal Size, long OrderId, long Timestamp)
{
    /// <summary>The size when placed (frontendOpenOrders).</summary>
    public decimal? OriginalSize { get; init; }

    /// <summary>The client order id, when the order had one (frontendOpenOrders).</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>"Limit", "Stop Market", "Take Profit Market", … (frontendOpenOrders).</summary>
    public string? OrderType { get; init; }

    /// <summary>"Gtc", "Alo", "Ioc", or null for triggers (frontendOpenOrders).</summary>
    public string? TimeInForce { get; init; }

    /// <summary>Whether it only reduces a position (frontendOpenOrders).</summary>
    public bool? ReduceOnly { get; init; }

    /// <summary>Whether it is a trigger order (frontendOpenOrders).</summary>
    public bool? IsTrigger { get; init; }

    /// <summary>The trigger price of a trigger order (frontendOpenOrders).</summary>
    public decimal? TriggerPrice { get; init; }
}
