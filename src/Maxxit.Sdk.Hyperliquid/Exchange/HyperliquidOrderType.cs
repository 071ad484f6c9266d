using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>t</c> field of an order: a limit order with a time in force, or a trigger (TP/SL) order.</summary>
public abstract record HyperliquidOrderType
{
    private protected HyperliquidOrderType()
    {
    }

    /// <summary>A limit order with the given time in force.</summary>
    /// <param name="timeInForce">GTC, IOC or ALO.</param>
    /// <returns>The order type.</returns>
    public static LimitOrderType Limit(TimeInForce timeInForce) => new(timeInForce);

    /// <summary>A trigger order that fires at <paramref name="triggerPrice"/>.</summary>
    /// <param name="triggerPrice">The price that triggers the order.</param>
    /// <param name="isMarket">True to execute as a market order when triggered; false to place the order's limit price.</param>
    /// <param name="kind">Take profit or stop loss.</param>
    /// <returns>The order type.</returns>
    public static TriggerOrderType Trigger(decimal triggerPrice, bool isMarket, TriggerKind kind) => new(triggerPrice, isMarket, kind);

    /// <summary>Writes the wire map.</summary>
    /// <param name="writer">The writer.</param>
    internal abstract void WriteTo(ref MessagePackWriter writer);
}
