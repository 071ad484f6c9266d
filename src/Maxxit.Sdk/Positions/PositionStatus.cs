namespace Maxxit.Sdk.Positions;

/// <summary>Lifecycle of a position.</summary>
public enum PositionStatus
{
    /// <summary>Reserved for a (signal, deployment); the order is being placed.</summary>
    Opening = 0,

    /// <summary>Open on the venue.</summary>
    Open = 1,

    /// <summary>A close has been claimed and is being sent.</summary>
    Closing = 2,

    /// <summary>Closed; exit price and PnL are known.</summary>
    Closed = 3,

    /// <summary>The opening order failed; the reason is kept.</summary>
    Failed = 4,
}
