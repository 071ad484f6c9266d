using System.Collections.Concurrent;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sdk.Tests.Policies;

/// <summary>A venue that lists the paper markets, fills every order at the reference price and counts orders per deployment.</summary>
internal sealed class CountingVenueAdapter(Venue venue) : IVenueAdapter
{
    private readonly ConcurrentDictionary<Guid, int> _orders = new();

    public Venue Venue => venue;

    public int OrdersFor(Guid deploymentId) => _orders.GetValueOrDefault(deploymentId);

    public int TotalOrders => _orders.Values.Sum();

    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(venue));

    public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        _orders.AddOrUpdate(request.Deployment.Id, 1, (_, n) => n + 1);
        var price = request.Market.ReferencePrice ?? 1m;
        return ValueTask.FromResult(new OrderResult
        {
            Status = OrderStatus.Filled,
            VenueOrderId = request.ClientOrderId,
            FilledQuantity = 10_000m * request.SizePercent / 100m * (request.Leverage ?? 1m) / price,
            AveragePrice = price,
            Leverage = request.Leverage ?? 1m,
            CollateralUsd = 10_000m * request.SizePercent / 100m,
        });
    }

    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
}
