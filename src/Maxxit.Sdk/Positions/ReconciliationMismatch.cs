namespace Maxxit.Sdk.Positions;

/// <summary>One unexplained difference, reported and logged, never acted on.</summary>
/// <param name="DeploymentId">The deployment.</param>
/// <param name="Venue">The venue.</param>
/// <param name="Symbol">The market, or null for a <see cref="ReconciliationMismatchKind.VenueError"/>.</param>
/// <param name="Kind">What differs.</param>
/// <param name="StoreQuantity">Net signed quantity of the store's OPEN positions (longs positive).</param>
/// <param name="VenueQuantity">Net signed quantity the venue reports.</param>
/// <param name="Detail">A sentence for the log.</param>
public sealed record ReconciliationMismatch(Guid DeploymentId, Venue Venue, string? Symbol, ReconciliationMismatchKind Kind, decimal StoreQuantity, decimal VenueQuantity, string Detail);
