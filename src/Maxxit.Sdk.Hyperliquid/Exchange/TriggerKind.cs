namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>Whether a trigger order takes profit or stops a loss.</summary>
public enum TriggerKind
{
    /// <summary>Take profit (wire <c>tp</c>).</summary>
    TakeProfit,

    /// <summary>Stop loss (wire <c>sl</c>).</summary>
    StopLoss,
}
