namespace Maxxit.Sdk.Venues.Paper;

/// <summary>The paper venue's fill confirmation: pending orders are filled or cancelled once their delay has passed.</summary>
public sealed partial class PaperVenueAdapter : IOrderFateVenue
{
    /// <summary>Orders accepted as pending whose fate is not decided yet.</summary>
    public int PendingOrderCount => _pending.Values.Count(p => !p.Decided);

    /// <inheritdoc />
    public ValueTask<OrderFate> GetOrderFateAsync(OrderFateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        if (query.Purpose == OrderPurpose.Close)
        {
            return ValueTask.FromResult(_closes.TryGetValue(query.ClientOrderId, out var close) && close.IsValueCreated
                ? OrderFate.Filled(close.Value.ClosedQuantity, close.Value.ExitPrice, close.Value.FeesUsd, close.Value.VenueOrderId)
                : OrderFate.Unknown($"no close {query.ClientOrderId}"));
        }

        if (_pending.TryGetValue(query.ClientOrderId, out var pending))
        {
            if (_time.GetUtcNow() < pending.DecideAt)
            {
                return ValueTask.FromResult(OrderFate.Pending("waiting for the fill"));
            }

            if (pending.Cancelled)
            {
                pending.Decided = true;
                return ValueTask.FromResult(OrderFate.Cancelled(_behavior.CancelReason));
            }

            var fill = pending.Fill;
            if (!pending.Decided)
            {
                pending.Decided = true;
                _open[query.ClientOrderId] = new PaperPosition(pending.Request.Deployment.Id, pending.Request.Market.Symbol, pending.Request.Side, fill.FilledQuantity, fill.AveragePrice, fill.VenueOrderId);
            }

            return ValueTask.FromResult(OrderFate.Filled(fill.FilledQuantity, fill.AveragePrice, fill.FeesUsd, fill.VenueOrderId) with { CollateralUsd = fill.CollateralUsd });
        }

        return ValueTask.FromResult(_orders.TryGetValue(query.ClientOrderId, out var order) && order.IsValueCreated
            ? OrderFate.Filled(order.Value.FilledQuantity, order.Value.AveragePrice, order.Value.FeesUsd, order.Value.VenueOrderId) with { CollateralUsd = order.Value.CollateralUsd }
            : OrderFate.Unknown($"no order {query.ClientOrderId}"));
    }

    private sealed class PendingOrder(OrderRequest request, OrderResult fill, bool cancelled, DateTimeOffset decideAt)
    {
        public OrderRequest Request { get; } = request;

        public OrderResult Fill { get; } = fill;

        public bool Cancelled { get; } = cancelled;

        public DateTimeOffset DecideAt { get; } = decideAt;

        public bool Decided { get; set; }
    }
}
