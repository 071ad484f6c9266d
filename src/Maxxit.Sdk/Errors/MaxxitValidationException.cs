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

    /// <summary>The snake_case name of the rejected field, as in the API (e.g. <c>creator_wallet</c>).</summary>
    public string Field { get; }

    /// <summary>Why the value was rejected.</summary>
    public string Reason { get; }
}
