namespace Maxxit.Sdk.Positions;

/// <summary>The venue's answer to an opening order, applied to a reserved position.</summary>
/// <param name="VenueOrderId">The venue's order id.</param>
/// <param name="Quantity">Filled size.</param>
/// <param name="EntryPrice">Average fill price.</param>
/// <param name="Leverage">Leverage used.</param>
/// <param name="CollateralUsd">Margin committed, USD.</param>
/// <param name="FeesUsd">Fees, USD.</param>
/// <param name="StopLoss">Stop-loss price derived from the fill, if any.</param>
/// <param name="TakeProfit">Take-profit price derived from the fill, if any.</param>
/// <param name="Trailing">Trailing-stop state starting at the fill price, if any.</param>
public sealed record PositionFill(
    string VenueOrderId,
    decimal Quantity,
    decimal EntryPrice,
    decimal Leverage,
    decimal CollateralUsd,
    decimal FeesUsd,
    decimal? StopLoss,
    decimal? TakeProfit,
    TrailingParams? Trailing);
