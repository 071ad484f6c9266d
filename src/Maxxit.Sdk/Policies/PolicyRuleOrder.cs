namespace Maxxit.Sdk.Policies;

/// <summary>
/// The evaluation order of the built-in rules. Cheap refusals that need no numbers come first; size, leverage,
/// exposure and minimum order value form a chain in which each step sees the result of the one before, so that the
/// accepted trade satisfies every cap at once. Custom rules pick a value between these (gaps of 100).
/// </summary>
public static class PolicyRuleOrder
{
    /// <summary>Confidence floor.</summary>
    public const int ConfidenceFloor = 100;

    /// <summary>Long-only / short-only.</summary>
    public const int SideRestriction = 200;

    /// <summary>Token allow- and deny-lists.</summary>
    public const int TokenLists = 300;

    /// <summary>Allowed UTC hours and days.</summary>
    public const int TradingWindow = 400;

    /// <summary>Cooldown per token after a trade.</summary>
    public const int Cooldown = 500;

    /// <summary>Trades per UTC day.</summary>
    public const int DailyTradeCap = 600;

    /// <summary>Number of open positions.</summary>
    public const int MaxOpenPositions = 700;

    /// <summary>Preferred and excluded venues (before the leverage cap, which looks at the markets of those venues).</summary>
    public const int VenueBias = 800;

    /// <summary>Size multiplier and hard cap per trade.</summary>
    public const int Size = 900;

    /// <summary>Leverage cap (policy and venue market maximum).</summary>
    public const int LeverageCap = 1000;

    /// <summary>Exposure per token and in total (after size and leverage: it measures the final notional).</summary>
    public const int Exposure = 1100;

    /// <summary>Minimum order value (last: every earlier step may only have made the order smaller).</summary>
    public const int MinOrderValue = 1200;
}
