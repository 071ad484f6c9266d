using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>order</c> action: one or more orders placed together.</summary>
public sealed class OrderAction : L1Action
{
    /// <summary>Creates an order action.</summary>
    /// <param name="orders">At least one order.</param>
    /// <param name="grouping">How the orders relate; independent by default.</param>
    /// <exception cref="ArgumentException">No orders were given.</exception>
    public OrderAction(IReadOnlyList<HyperliquidOrder> orders, OrderGrouping grouping = OrderGrouping.None)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
        {
            throw new ArgumentException("An order action needs at least one order.", nameof(orders));
        }

        Orders = orders;
        Grouping = grouping;
    }

    /// <inheritdoc />
    public override string Type => "order";

    /// <summary>The orders, in the order the exchange will report their statuses.</summary>
    public IReadOnlyList<HyperliquidOrder> Orders { get; }

    /// <summary>How the orders relate.</summary>
    public OrderGrouping Grouping { get; }

    /// <inheritdoc />
    internal override int BatchLength => Orders.Count;

    /// <inheritdoc />
    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(3);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("orders");
        writer.WriteArrayHeader(Orders.Count);
        foreach (var order in Orders)
        {
            order.WriteTo(ref writer);
        }

        writer.Write("grouping");
        writer.Write(Grouping switch
        {
            OrderGrouping.None => "na",
            OrderGrouping.NormalTpsl => "normalTpsl",
            OrderGrouping.PositionTpsl => "positionTpsl",
            _ => throw new ArgumentOutOfRangeException(nameof(Grouping), Grouping, "Unknown grouping."),
        });
    }
}
