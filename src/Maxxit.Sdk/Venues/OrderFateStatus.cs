namespace Maxxit.Sdk.Venues;

/// <summary>What became of an order.</summary>
public enum OrderFateStatus
{
    /// <summary>Accepted and not filled yet (resting, or waiting for an oracle): ask again later.</summary>
    Pending = 0,

    /// <summary>Filled, fully or partly (the filled quantity says which); for a close, the position is closed by that much.</summary>
    Filled = 1,

    /// <summary>Refused or cancelled by the venue, with nothing filled; the reason says why.</summary>
    Cancelled = 2,

    /// <summary>The venue does not know the order (it may never have arrived); after a bounded number of answers like this the position needs reconciliation.</summary>
    Unknown = 3,
}
