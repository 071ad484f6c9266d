using System.Collections.Concurrent;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sdk.Testing.Positions;

/// <summary>
/// Wraps a paper venue: counts every close call per client order id (so a test sees a second close even though the
/// paper venue would absorb it), yields on each call so that concurrent monitors interleave, and can simulate a
/// crash right after the venue has closed.
/// </summary>
public sealed class RecordingPositionVenue(PaperVenueAdapter paper) : IVenueAdapter, IPositionVenue
{
    public ConcurrentDictionary<string, int> CloseCalls { get; } = new(StringComparer.Ordinal);

    public PaperVenueAdapter Paper => paper;

    /// <summary>When set, the next close is done on the venue and then the caller sees a crash.</summary>
    public bool CrashAfterNextClose { get; set; }

    public Venue Venue => paper.Venue;

    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => paper.GetMarketsAsync(cancellationToken);

    public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) => paper.PlaceOrderAsync(request, cancellationToken);

    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => paper.GetHealthAsync(cancellationToken);

    public async ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await paper.GetPriceAsync(market, cancellationToken);
    }

    public async ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken)
    {
        CloseCalls.AddOrUpdate(request.ClientOrderId, 1, (_, n) => n + 1);
        await Task.Yield();
        var result = await paper.ClosePositionAsync(request, cancellationToken);
        if (CrashAfterNextClose)
        {
            CrashAfterNextClose = false;
            throw new SimulatedCrashException();
        }

        return result;
    }

    public ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken) =>
        paper.GetOpenPositionsAsync(deployment, cancellationToken);
}
