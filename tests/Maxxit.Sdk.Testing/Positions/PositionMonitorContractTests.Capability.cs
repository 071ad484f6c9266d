using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Testing.Positions;

public abstract partial class PositionMonitorContractTests
{
    [Fact]
    public async Task A_venue_without_position_support_is_skipped_and_a_close_is_refused_before_anything_is_written()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.03m));
        var host = new MonitorHost(Store, [new OpenOnlyVenue(Hyperliquid), Ostium], Time, Options);

        var pass = await StepAsync(host, 2000m);
        Assert.Equal(1, pass.Skipped);
        Assert.Empty(pass.Closed);

        var error = await Assert.ThrowsAsync<VenueException>(() => host.Closer.CloseAsync(position.Id, CloseReason.Manual, null, Ct));
        Assert.Equal(Venue.Hyperliquid, error.Venue);
        Assert.Equal(PositionStatus.Open, (await ReloadAsync(position.Id)).Status);
        Assert.Empty(Hyperliquid.CloseCalls);
    }

    /// <summary>An adapter that opens orders but cannot price, close or list positions.</summary>
    private sealed class OpenOnlyVenue(IVenueAdapter inner) : IVenueAdapter
    {
        public Venue Venue => inner.Venue;

        public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => inner.GetMarketsAsync(cancellationToken);

        public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) => inner.PlaceOrderAsync(request, cancellationToken);

        public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => inner.GetHealthAsync(cancellationToken);
    }
}
