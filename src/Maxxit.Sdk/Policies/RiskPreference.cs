namespace Maxxit.Sdk.Policies;

/// <summary>A user's appetite for risk, mapped to a size multiplier.</summary>
public enum RiskPreference
{
    /// <summary>Half size.</summary>
    Conservative = 0,

    /// <summary>Size as signalled.</summary>
    Balanced = 1,

    /// <summary>One and a half times the size.</summary>
    Aggressive = 2,
}
