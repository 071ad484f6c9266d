namespace Maxxit.Sdk.Positions;

/// <summary>What an attempt to close a position did.</summary>
public enum PositionCloseOutcome
{
    /// <summary>This caller closed it: venue close (if any) and store update done.</summary>
    Closed = 0,

    /// <summary>Not claimed: another closer holds its lease, or it is closed already, or it is not open.</summary>
    NotClaimed = 1,
}
