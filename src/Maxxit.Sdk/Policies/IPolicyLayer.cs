namespace Maxxit.Sdk.Policies;

/// <summary>Agent How: adapts or refuses a trade for one user before it is routed.</summary>
public interface IPolicyLayer
{
    /// <summary>Evaluates the trade in <paramref name="context"/>. Must be deterministic for the same context.</summary>
    ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken);
}
