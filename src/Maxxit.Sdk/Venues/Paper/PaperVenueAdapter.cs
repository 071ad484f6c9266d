using System.Collections.Concurrent;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues.Paper;

/// <summary>
/// A simulated venue: lists the bundled markets, fills market orders at the feed's current price, charges a taker
/// fee, and answers a repeated client order id with the first fill. It keeps each deployment's open paper positions
/// so that positions can be closed (see <see cref="IPositionVenue"/>) and reconciled.
/// </summary>
public sealed partial class PaperVenueAdapter : IVenueAdapter
{
    private readonly PaperPriceFeed _prices;
    private readonly decimal _accountValueUsd;
    private readonly decimal _feeRate;
    private readonly ConcurrentDictionary<string, Lazy<OrderResult>> _orders = new(StringComparer.Ordinal);
    private long _nextOrderId;

    /// <summary>Creates a paper venue.</summary>
    /// <param name="venue">The venue it stands in for.</param>
    /// <param name="prices">Price source.</param>
    /// <param name="accountValueUsd">Every wallet's account value.</param>
    /// <param name="feeRate">Taker fee as a fraction of notional.</param>
    public PaperVenueAdapter(Venue venue, PaperPriceFeed prices, decimal accountValueUsd, decimal feeRate)
    {
        Venue = venue;
        _prices = prices;
        _accountValueUsd = accountValueUsd;
        _feeRate = feeRate;
    }

    /// <inheritdoc />
    public Venue Venue { get; }

    /// <summary>Distinct orders placed (repeats of a client order id are not counted).</summary>
    public int OrdersPlaced => _orders.Count;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(PaperMarketData.For(Venue));

    /// <inheritdoc />
    public ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var order = _orders.GetOrAdd(request.ClientOrderId, _ => new Lazy<OrderResult>(() => Open(request)));
        try
        {
            return ValueTask.FromResult(order.Value);
        }
        catch
        {
            _orders.TryRemove(request.ClientOrderId, out _);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true, "paper"));

    private OrderResult Open(OrderRequest request)
    {
        var result = Fill(request);
        _open[request.ClientOrderId] = new PaperPosition(request.Deployment.Id, request.Market.Symbol, request.Side, result.FilledQuantity, result.AveragePrice, result.VenueOrderId);
        return result;
    }

    private OrderResult Fill(OrderRequest request)
    {
        var market = request.Market;
        var price = _prices.GetPrice(Venue, market.Symbol) ?? throw new VenueException(Venue, $"paper venue has no price for {market.Symbol}");
        var leverage = Math.Clamp(request.Leverage ?? 1m, 1m, market.MaxLeverage);
        var collateral = _accountValueUsd * request.SizePercent / 100m;
        var quantity = Math.Round(collateral * leverage / price, Math.Min(market.SizeDecimals, 10), MidpointRounding.ToZero);
        if (quantity <= 0m)
        {
            throw new VenueException(Venue, $"order size rounds to zero for {market.Symbol} at {price}", "raise the size percent or the account value");
        }

        return new OrderResult
        {
            Status = OrderStatus.Filled,
            VenueOrderId = $"paper-{Venue.ToName().ToLowerInvariant()}-{Interlocked.Increment(ref _nextOrderId)}",
            FilledQuantity = quantity,
            AveragePrice = price,
            Leverage = leverage,
            CollateralUsd = collateral,
            FeesUsd = Math.Round(quantity * price * _feeRate, 6),
        };
    }
}
