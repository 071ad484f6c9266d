namespace Maxxit.Sdk.Venues;

/// <summary>An open position as the venue reports it.</summary>
/// <param name="Symbol">Upper-case token symbol as in the market catalog.</param>
/// <param name="Side">Direction.</param>
/// <param name="Quantity">Size in base units.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="VenueReference">The venue's id for it (e.g. Ostium pair index and trade index), if any.</param>
public sealed record VenuePosition(string Symbol, TradeSide Side, decimal Quantity, decimal EntryPrice, string? VenueReference);
