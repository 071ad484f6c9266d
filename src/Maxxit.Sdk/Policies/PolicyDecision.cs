namespace Maxxit.Sdk.Policies;

/// <summary>The result of evaluating a policy for one (signal, deployment).</summary>
/// <param name="Outcome">Accepted, adjusted or rejected.</param>
/// <param name="Intent">The trade to place (the adjusted one); for a rejection, the intent as it stood.</param>
/// <param name="Adjustments">What changed, in rule order.</param>
/// <param name="RejectedBy">The rule that refused, for a rejection.</param>
/// <param name="Reason">Why it refused, for a rejection.</param>
public sealed record PolicyDecision(
    PolicyOutcome Outcome,
    TradeIntent Intent,
    IReadOnlyList<PolicyAdjustment> Adjustments,
    string? RejectedBy = null,
    string? Reason = null)
{
    /// <summary>Accepts <paramref name="intent"/> unchanged.</summary>
    public static PolicyDecision Accept(TradeIntent intent) => new(PolicyOutcome.Accepted, intent, []);

    /// <summary>Refuses <paramref name="intent"/>.</summary>
    public static PolicyDecision Reject(TradeIntent intent, string rule, string reason) => new(PolicyOutcome.Rejected, intent, [], rule, reason);
}
