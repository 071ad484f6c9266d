namespace Maxxit.Sdk.Errors;

/// <summary>Input was rejected: <see cref="Field"/> names the offending field and <see cref="Reason"/> says why. Nothing was written.</summary>
public sealed class MaxxitValidationException : MaxxitException
{
    /// <summary>Creates the error for <paramref name="field"/>.</summary>
    public MaxxitValidationException(string field, string reason) : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>
    /// The C# member path of the rejected value, rooted at the type or parameter it was given in
    /// (e.g. <c>GenerateSignalRequest.RiskModel.Stop</c>, <c>DeployAgentRequest.UserWallet</c>, <c>signalId</c>).
    /// An HTTP host maps it to its own field names at its edge.
    /// </summary>
    public string Field { get; }

    /// <summary>Why the value was rejected.</summary>
    public string Reason { get; }
}
