namespace Maxxit.Sdk.Errors;

/// <summary>The request conflicts with existing state (e.g. the agent is already deployed to this wallet). Nothing was written.</summary>
public sealed class MaxxitConflictException : MaxxitException
{
    /// <summary>Creates the error for the field that conflicts.</summary>
    public MaxxitConflictException(string field, string message) : base(message) => Field = field;

    /// <summary>The member path that conflicts, e.g. <c>positionId</c> (a store names its own column, e.g. <c>user_wallet</c>).</summary>
    public string Field { get; }
}
