namespace Maxxit.Sdk.Venues;

/// <summary>State of an order the venue accepted.</summary>
public enum OrderStatus
{
    /// <summary>Fully or partly filled.</summary>
    Filled = 0,

    /// <summary>Resting on the book.</summary>
    Resting = 1,

    /// <summary>Sent and accepted, fill not yet known (e.g. an on-chain order awaiting the price oracle).</summary>
    Pending = 2,
}
