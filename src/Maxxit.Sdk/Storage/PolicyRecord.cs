using Maxxit.Sdk.Policies;

namespace Maxxit.Sdk.Storage;

/// <summary>The durable record of a policy evaluation for one (signal, deployment).</summary>
/// <param name="SignalId">The signal.</param>
/// <param name="DeploymentId">The deployment.</param>
/// <param name="Outcome">Accepted, adjusted or rejected.</param>
/// <param name="Adjustments">What changed.</param>
/// <param name="RejectedBy">The refusing rule.</param>
/// <param name="Reason">Why it refused.</param>
/// <param name="CreatedAt">When.</param>
public sealed record PolicyRecord(
    Guid SignalId,
    Guid DeploymentId,
    PolicyOutcome Outcome,
    IReadOnlyList<PolicyAdjustment> Adjustments,
    string? RejectedBy,
    string? Reason,
    DateTimeOffset CreatedAt);
