namespace Maxxit.Sdk.Policies;

/// <summary>What the policy did to a trade.</summary>
public enum PolicyOutcome
{
    /// <summary>Unchanged.</summary>
    Accepted = 0,

    /// <summary>Changed (see the adjustments).</summary>
    Adjusted = 1,

    /// <summary>Refused: no order for this deployment.</summary>
    Rejected = 2,
}
