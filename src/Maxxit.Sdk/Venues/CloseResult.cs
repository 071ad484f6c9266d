namespace Maxxit.Sdk.Venues;

/// <summary>What the venue did with a close.</summary>
/// <param name="VenueOrderId">The venue's id of the closing order or transaction.</param>
/// <param name="ExitPrice">Average exit price.</param>
/// <param name="ClosedQuantity">Size closed.</param>
/// <param name="FeesUsd">Fees of the close, USD, when reported.</param>
public sealed record CloseResult(string VenueOrderId, decimal ExitPrice, decimal ClosedQuantity, decimal FeesUsd);
