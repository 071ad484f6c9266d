namespace Maxxit.Sdk.Policies;

/// <summary>Accepts every trade unchanged, as the original system did.</summary>
public sealed class PassThroughPolicy : IPolicyLayer
{
    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PolicyDecision.Accept(context.Intent));
}
