namespace Maxxit.Sdk.Positions;

/// <summary>Why a position was closed.</summary>
public enum CloseReason
{
    /// <summary>Price retraced the trailing stop from its best since entry.</summary>
    TrailingStop = 0,

    /// <summary>Price crossed the stop-loss level.</summary>
    StopLoss = 1,

    /// <summary>Price crossed the take-profit level.</summary>
    TakeProfit = 2,

    /// <summary>Closed on request.</summary>
    Manual = 3,

    /// <summary>Closed on the venue outside the SDK.</summary>
    External = 4,
}
