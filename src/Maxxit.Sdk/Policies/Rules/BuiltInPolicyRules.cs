namespace Maxxit.Sdk.Policies.Rules;

/// <summary>The built-in rules, one instance each (they are stateless), in evaluation order.</summary>
public static class BuiltInPolicyRules
{
    /// <summary>Every built-in rule, ordered by <see cref="IPolicyRule.Order"/>.</summary>
    public static IReadOnlyList<IPolicyRule> All { get; } =
    [
        new ConfidenceFloorRule(),
        new SideRestrictionRule(),
        new TokenListRule(),
        new TradingWindowRule(),
        new CooldownRule(),
        new DailyTradeCapRule(),
        new MaxOpenPositionsRule(),
        new VenueBiasRule(),
        new SizeRule(),
        new LeverageCapRule(),
        new ExposureRule(),
        new MinOrderValueRule(),
    ];
}
