namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The custom errors of Ostium's Trading contract (from its published ABI), for decoding reverts by name.</summary>
public static class OstiumErrors
{
    /// <summary>Error signatures, e.g. <c>NotDelegate(address,address)</c>.</summary>
    public static IReadOnlyList<string> Signatures { get; } =
    [
        "AboveMaxAllowedCollateral()",
        "AlreadyMarketClosed(address,uint16,uint8)",
        "BelowFees()",
        "BelowMinLevPos()",
        "DelegatedActionFailed()",
        "ExposureLimits()",
        "IsContract(address)",
        "IsDone()",
        "IsPaused()",
        "MaxPendingMarketOrdersReached(address)",
        "MaxTradesPerPairReached(address,uint16)",
        "NoDelegate(address)",
        "NoLimitFound(address,uint16,uint8)",
        "NoTradeFound(address,uint16,uint8)",
        "NoTradeToTimeoutFound(uint256)",
        "NotCloseMarketTimeoutOrder(uint256)",
        "NotDelegate(address,address)",
        "NotGov(address)",
        "NotOpenMarketTimeoutOrder(uint256)",
        "NotTradesUpKeep(address)",
        "NotWhitelisted(address)",
        "NotYourOrder(uint256,address)",
        "NullAddr()",
        "PairNotListed(uint16)",
        "TriggerPending(address,uint16,uint8)",
        "WaitTimeout(uint256)",
        "WrongLeverage(uint32)",
        "WrongParams()",
        "WrongSL()",
        "WrongTP()",
    ];
}
