namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>What a <c>userEvents</c> message carries.</summary>
public enum HyperliquidUserEventKind
{
    /// <summary>Fills of the user's orders.</summary>
    Fills = 0,

    /// <summary>A funding payment.</summary>
    Funding = 1,

    /// <summary>A liquidation of the user's positions.</summary>
    Liquidation = 2,

    /// <summary>Orders the exchange cancelled, not the user (margin, self-trade, delisting, …).</summary>
    NonUserCancel = 3,

    /// <summary>A kind this SDK does not know yet; see <see cref="HyperliquidUserEvent.Json"/>.</summary>
    Other = 4,
}
