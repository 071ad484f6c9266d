namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>
/// Why the oracle callback cancelled an order: <c>IOstiumTradingCallbacks.CancelReason</c>, value for value (it is the
/// <c>uint8</c> in <c>MarketOpenCanceled</c> and <c>MarketCloseCanceled</c>).
/// </summary>
public enum OstiumCancelReason
{
    /// <summary>Not cancelled.</summary>
    None = 0,

    /// <summary>Trading is paused.</summary>
    Paused = 1,

    /// <summary>The market is closed (the oracle gave no price).</summary>
    MarketClosed = 2,

    /// <summary>The executed price moved beyond the allowed slippage.</summary>
    Slippage = 3,

    /// <summary>The take-profit was already reached.</summary>
    TpReached = 4,

    /// <summary>The stop-loss was already reached.</summary>
    SlReached = 5,

    /// <summary>Open interest or group collateral limits.</summary>
    ExposureLimits = 6,

    /// <summary>The price impact is too high.</summary>
    PriceImpact = 7,

    /// <summary>The leverage is above the pair's maximum.</summary>
    MaxLeverage = 8,

    /// <summary>There is no trade to close.</summary>
    NoTrade = 9,

    /// <summary>The trade is being liquidated.</summary>
    UnderLiquidation = 10,

    /// <summary>A limit was not hit.</summary>
    NotHit = 11,

    /// <summary>Gain or loss limits.</summary>
    GainLoss = 12,

    /// <summary>The leverage is above the pair's overnight maximum while day trading is closed.</summary>
    DayTradeNotAllowed = 13,

    /// <summary>A day-trade close is not allowed.</summary>
    CloseDayTradeNotAllowed = 14,
}
