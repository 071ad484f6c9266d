namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>How the orders of one order action relate to each other.</summary>
public enum OrderGrouping
{
    /// <summary>Independent orders (wire <c>na</c>).</summary>
    None,

    /// <summary>An entry with take-profit/stop-loss children sized like the entry (wire <c>normalTpsl</c>).</summary>
    NormalTpsl,

    /// <summary>Take-profit/stop-loss attached to the whole position (wire <c>positionTpsl</c>).</summary>
    PositionTpsl,
}
