namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>Time in force of a Hyperliquid limit order.</summary>
public enum TimeInForce
{
    /// <summary>Good till cancelled: rests on the book.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fills what it can now; a market order is an IOC limit at an aggressive price.</summary>
    Ioc,

    /// <summary>Add liquidity only (post-only): cancelled instead of taking liquidity.</summary>
    Alo,
}
