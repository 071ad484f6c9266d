namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>What the exchange did with one order.</summary>
public enum HyperliquidOrderResultKind
{
    /// <summary>The order rests on the book (not filled yet).</summary>
    Resting,

    /// <summary>The order filled, fully or (for IOC) partly; see the filled size and average price.</summary>
    Filled,

    /// <summary>The order was refused; see the error text.</summary>
    Error,

    /// <summary>Accepted and pending (e.g. <c>waitingForFill</c>, <c>waitingForTrigger</c>).</summary>
    Pending,
}
