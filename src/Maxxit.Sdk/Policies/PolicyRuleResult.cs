namespace Maxxit.Sdk.Policies;

/// <summary>What one <see cref="IPolicyRule"/> did: pass (the default value, allocation-free), adjust or reject.</summary>
public readonly struct PolicyRuleResult
{
    private readonly IReadOnlyList<PolicyAdjustment>? _adjustments;

    private PolicyRuleResult(PolicyOutcome outcome, TradeIntent? intent, IReadOnlyList<PolicyAdjustment>? adjustments, string? reason)
    {
        Outcome = outcome;
        Intent = intent;
        _adjustments = adjustments;
        Reason = reason;
    }

    /// <summary>The trade passes this rule unchanged.</summary>
    public static PolicyRuleResult Pass => default;

    /// <summary>Accepted (pass), adjusted or rejected.</summary>
    public PolicyOutcome Outcome { get; }

    /// <summary>The changed intent, when adjusted.</summary>
    public TradeIntent? Intent { get; }

    /// <summary>What changed, from what to what, when adjusted.</summary>
    public IReadOnlyList<PolicyAdjustment> Adjustments => _adjustments ?? [];

    /// <summary>Why the rule refused, when rejected.</summary>
    public string? Reason { get; }

    /// <summary>Replaces the intent with <paramref name="adjusted"/>, recording one change.</summary>
    public static PolicyRuleResult Adjust(TradeIntent adjusted, PolicyAdjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(adjusted);
        ArgumentNullException.ThrowIfNull(adjustment);
        return new(PolicyOutcome.Adjusted, adjusted, [adjustment], null);
    }

    /// <summary>Replaces the intent with <paramref name="adjusted"/>, recording the changes in the order they were made.</summary>
    public static PolicyRuleResult Adjust(TradeIntent adjusted, IReadOnlyList<PolicyAdjustment> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjusted);
        ArgumentNullException.ThrowIfNull(adjustments);
        return new(PolicyOutcome.Adjusted, adjusted, adjustments, null);
    }

    /// <summary>Refuses the trade: no order for this deployment.</summary>
    public static PolicyRuleResult Reject(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(PolicyOutcome.Rejected, null, null, reason);
    }
}
