using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// One order as the exchange receives it (the "order wire"): asset index, side, limit price, size, reduce-only flag,
/// order type and optional client order id. Prices and sizes must already follow the asset's rounding rules.
/// </summary>
public sealed record HyperliquidOrder
{
    /// <summary>Creates an order, checking every field.</summary>
    /// <param name="asset">The asset index from <c>meta</c>.</param>
    /// <param name="isBuy">True to buy (long), false to sell (short).</param>
    /// <param name="limitPrice">The limit price (for trigger orders, the worst accepted price once triggered).</param>
    /// <param name="size">The size in coins.</param>
    /// <param name="reduceOnly">Only reduce an existing position.</param>
    /// <param name="orderType">Limit or trigger.</param>
    /// <param name="clientOrderId">An optional client order id.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range; the message names it.</exception>
    public HyperliquidOrder(int asset, bool isBuy, decimal limitPrice, decimal size, bool reduceOnly, HyperliquidOrderType orderType, Cloid? clientOrderId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(asset);
        if (limitPrice <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(limitPrice), limitPrice, "The limit price must be positive.");
        }

        if (size <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The size must be positive.");
        }

        ArgumentNullException.ThrowIfNull(orderType);
        Asset = asset;
        IsBuy = isBuy;
        LimitPrice = limitPrice;
        Size = size;
        ReduceOnly = reduceOnly;
        OrderType = orderType;
        ClientOrderId = clientOrderId;

        // Formatting now means a bad value fails here, not halfway through signing.
        PriceWire = HyperliquidNumbers.ToWire(limitPrice);
        SizeWire = HyperliquidNumbers.ToWire(size);
    }

    /// <summary>The asset index.</summary>
    public int Asset { get; }

    /// <summary>True to buy.</summary>
    public bool IsBuy { get; }

    /// <summary>The limit price.</summary>
    public decimal LimitPrice { get; }

    /// <summary>The size in coins.</summary>
    public decimal Size { get; }

    /// <summary>Only reduce an existing position.</summary>
    public bool ReduceOnly { get; }

    /// <summary>Limit or trigger.</summary>
    public HyperliquidOrderType OrderType { get; }

    /// <summary>The client order id, if any.</summary>
    public Cloid? ClientOrderId { get; }

    /// <summary>The limit price as sent.</summary>
    public string PriceWire { get; }

    /// <summary>The size as sent.</summary>
    public string SizeWire { get; }

    internal void WriteTo(ref MessagePackWriter writer)
    {
        // Field order is the exchange's: a, b, p, s, r, t, then c only when present.
        writer.WriteMapHeader(ClientOrderId is null ? 6 : 7);
        writer.Write("a");
        writer.Write(Asset);
        writer.Write("b");
        writer.Write(IsBuy);
        writer.Write("p");
        writer.Write(PriceWire);
        writer.Write("s");
        writer.Write(SizeWire);
        writer.Write("r");
        writer.Write(ReduceOnly);
        writer.Write("t");
        OrderType.WriteTo(ref writer);
        if (ClientOrderId is { } cloid)
        {
            writer.Write("c");
            writer.Write(cloid.ToString());
        }
    }
}
