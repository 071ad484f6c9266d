using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>A limit order: <c>{"limit": {"tif": "Gtc" | "Ioc" | "Alo"}}</c>.</summary>
/// <param name="TimeInForce">The time in force.</param>
public sealed record LimitOrderType(TimeInForce TimeInForce) : HyperliquidOrderType
{
    internal override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(1);
        writer.Write("limit");
        writer.WriteMapHeader(1);
        writer.Write("tif");
        writer.Write(TimeInForce switch
        {
            TimeInForce.Gtc => "Gtc",
            TimeInForce.Ioc => "Ioc",
            TimeInForce.Alo => "Alo",
            _ => throw new ArgumentOutOfRangeException(nameof(TimeInForce), TimeInForce, "Unknown time in force."),
        });
    }
}
