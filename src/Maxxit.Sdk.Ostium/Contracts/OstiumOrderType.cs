namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The <c>orderType</c> argument of <c>openTrade</c>.</summary>
public enum OstiumOrderType : byte
{
    /// <summary>Filled at the oracle's next price, within the slippage.</summary>
    Market = 0,

    /// <summary>Rests until the price reaches the open price.</summary>
    Limit = 1,

    /// <summary>Opens when the price crosses the open price.</summary>
    Stop = 2,
}
