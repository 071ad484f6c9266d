using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues;

/// <summary>
/// What the position monitor needs from a venue, beyond opening orders: current prices, closing, and the account's
/// open positions for reconciliation. An <see cref="IVenueAdapter"/> implements it when it can manage positions.
/// </summary>
public interface IPositionVenue
{
    /// <summary>The current price (mark or mid) of a market, or null when the venue has none now.</summary>
    ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken);

    /// <summary>Closes a position. Must be idempotent on <see cref="CloseRequest.ClientOrderId"/>.</summary>
    /// <exception cref="Errors.VenueException">The venue refused the close.</exception>
    ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken);

    /// <summary>The deployment's open positions as the venue sees them.</summary>
    ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken);
}
