namespace Maxxit.Sdk.Venues;

/// <summary>What the venue did with a close.</summary>
/// <param name="VenueOrderId">The venue's id of the closing order or transaction.</param>
/// <param name="ExitPrice">Average exit price (the requested price while <see cref="Status"/> is pending).</param>
/// <param name="ClosedQuantity">Size closed (0 while pending).</param>
/// <param name="FeesUsd">Fees of the close, USD, when reported.</param>
public sealed record CloseResult(string VenueOrderId, decimal ExitPrice, decimal ClosedQuantity, decimal FeesUsd)
{
    /// <summary>
    /// <see cref="OrderStatus.Filled"/> (default) when the close is done; <see cref="OrderStatus.Pending"/> when the
    /// venue accepted it but fills it later (an oracle callback): the position stays CLOSING and fill confirmation asks
    /// <see cref="IOrderFateVenue"/> with <see cref="OrderPurpose.Close"/> for the exit.
    /// </summary>
    public OrderStatus Status { get; init; } = OrderStatus.Filled;
}
