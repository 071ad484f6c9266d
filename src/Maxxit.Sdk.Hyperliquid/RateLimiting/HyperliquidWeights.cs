namespace Maxxit.Sdk.Hyperliquid.RateLimiting;

/// <summary>
/// The request weights Hyperliquid counts against each IP's budget (1,200 per minute), as its rate-limit page lists
/// them: exchange actions weigh 1 + floor(batch length / 40); info requests 2, 20 or 60 by type; some info answers
/// add weight for the items they return.
/// </summary>
public static class HyperliquidWeights
{
    /// <summary>The REST weight budget of one IP address per minute.</summary>
    public const int PerMinute = 1200;

    /// <summary>The weight of an exchange action whose array (orders, cancels, modifies) has this many entries.</summary>
    /// <param name="batchLength">Entries in the action's array; 0 or 1 for an unbatched action.</param>
    /// <returns>1 + floor(batchLength / 40).</returns>
    public static int Exchange(int batchLength) => 1 + (Math.Max(0, batchLength) / 40);

    /// <summary>The base weight of an info request type.</summary>
    /// <param name="type">The request's <c>type</c>.</param>
    /// <returns>2, 20 or 60.</returns>
    public static int Info(string type) => type switch
    {
        "l2Book" or "allMids" or "clearinghouseState" or "orderStatus" or "spotClearinghouseState" or "exchangeStatus" => 2,
        "userRole" => 60,
        _ => 20,
    };

    /// <summary>The weight an info answer adds for the items it returned (0 for types that add none).</summary>
    /// <param name="type">The request's <c>type</c>.</param>
    /// <param name="items">Items in the answer.</param>
    /// <returns>floor(items / 20) for the paged types, floor(items / 60) for <c>candleSnapshot</c>, else 0.</returns>
    public static int InfoExtra(string type, int items) => type switch
    {
        "recentTrades" or "historicalOrders" or "userFills" or "userFillsByTime" or "fundingHistory" or "userFunding"
            or "nonUserFundingUpdates" or "twapHistory" or "userTwapSliceFills" or "userTwapSliceFillsByTime"
            or "delegatorHistory" or "delegatorRewards" or "validatorStats" => Math.Max(0, items) / 20,
        "candleSnapshot" => Math.Max(0, items) / 60,
        _ => 0,
    };
}
