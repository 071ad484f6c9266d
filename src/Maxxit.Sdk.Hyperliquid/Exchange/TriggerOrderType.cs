using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// A take-profit or stop-loss trigger order: <c>{"trigger": {"isMarket": …, "triggerPx": "…", "tpsl": "tp" | "sl"}}</c>.
/// </summary>
/// <param name="TriggerPrice">The price that triggers the order; already rounded to the asset's price rules.</param>
/// <param name="IsMarket">Execute as a market order once triggered.</param>
/// <param name="Kind">Take profit or stop loss.</param>
public sealed record TriggerOrderType(decimal TriggerPrice, bool IsMarket, TriggerKind Kind) : HyperliquidOrderType
{
    internal override void WriteTo(ref MessagePackWriter writer)
    {
        // Field order is the exchange's: isMarket, triggerPx, tpsl.
        writer.WriteMapHeader(1);
        writer.Write("trigger");
        writer.WriteMapHeader(3);
        writer.Write("isMarket");
        writer.Write(IsMarket);
        writer.Write("triggerPx");
        writer.Write(HyperliquidNumbers.ToWire(TriggerPrice));
        writer.Write("tpsl");
        writer.Write(Kind == TriggerKind.TakeProfit ? "tp" : "sl");
    }
}
