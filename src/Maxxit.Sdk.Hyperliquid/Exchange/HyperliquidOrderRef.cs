using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>An existing order named by its exchange order id or by its client order id (as <c>modify</c> accepts either).</summary>
public readonly record struct HyperliquidOrderRef
{
    private HyperliquidOrderRef(long? orderId, Cloid? clientOrderId)
    {
        OrderId = orderId;
        ClientOrderId = clientOrderId;
    }

    /// <summary>The exchange order id, when the order is named by it.</summary>
    public long? OrderId { get; }

    /// <summary>The client order id, when the order is named by it.</summary>
    public Cloid? ClientOrderId { get; }

    /// <summary>Names the order by exchange order id.</summary>
    /// <param name="orderId">The oid, not negative.</param>
    /// <returns>The reference.</returns>
    public static HyperliquidOrderRef ById(long orderId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(orderId);
        return new(orderId, null);
    }

    /// <summary>Names the order by client order id.</summary>
    /// <param name="clientOrderId">The cloid.</param>
    /// <returns>The reference.</returns>
    public static HyperliquidOrderRef ByCloid(Cloid clientOrderId) => new(null, clientOrderId);

    internal void WriteTo(ref MessagePackWriter writer)
    {
        if (OrderId is { } oid)
        {
            writer.Write(oid);
        }
        else
        {
            writer.Write(ClientOrderId!.Value.ToString());
        }
    }
}
