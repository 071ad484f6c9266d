namespace Maxxit.Sdk.Venues;

/// <summary>Whether an order opens or closes a position.</summary>
public enum OrderPurpose
{
    /// <summary>The order opens the position.</summary>
    Open = 0,

    /// <summary>The order closes the position.</summary>
    Close = 1,
}
