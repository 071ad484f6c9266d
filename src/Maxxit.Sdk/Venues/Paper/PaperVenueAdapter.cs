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
    private readonly ConcurrentDictionary<string, PendingOrder> _pending = new(StringComparer.Ordinal);
    private readonly PaperVenueBehavior _behavior;
    private readonly TimeProvider _time;
    private readonly string _orderIdPrefix;
    private long _nextOrderId;

    /// <summary>Creates a paper venue.</summary>
    /// <param name="venue">The venue it stands in for.</param>
    /// <param name="prices">Price source.</param>
    /// <param name="accountValueUsd">Every wallet's account value.</param>
    /// <param name="feeRate">Taker fee as a fraction of notional.</param>
    /// <param name="behavior">Latency, pending fills and cancels (default: every order fills at once).</param>
    /// <param name="time">Clock of the pending orders' delays (default the system clock).</param>
    public PaperVenueAdapter(Venue venue, PaperPriceFeed prices, decimal accountValueUsd, decimal feeRate, PaperVenueBehavior? behavior = null, TimeProvider? time = null)
    {
        _behavior = behavior ?? new PaperVenueBehavior();
        _time = time ?? TimeProvider.System;
        Venue = venue;
        _orderIdPrefix = $"paper-{venue.Name.ToLowerInvariant()}-";
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

    /// <summary>Distinct orders the venue answered with a fill or a pending acceptance (a repeated client order id counts once).</summary>
    public int OrdersAnswered => _orders.Values.Count(o => o.IsValueCreated);

    /// <inheritdoc />
    public async ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_behavior.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_behavior.Latency, _time, cancellationToken).ConfigureAwait(false);
        }

        return await PlaceNowAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<OrderResult> PlaceNowAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var order = _orders.GetOrAdd(request.ClientOrderId, static (_, a) => new Lazy<OrderResult>(() => a.Adapter.Open(a.Request)), (Adapter: this, Request: request));
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

    /// <summary>A deterministic draw in [0, 1) for one decision (<paramref name="salt"/>) about one order.</summary>
    private double Draw(string clientOrderId, int salt)
    {
        Span<byte> hash = stackalloc byte[32];
        Span<byte> input = stackalloc byte[256];
        if (System.Text.Unicode.Utf8.TryWrite(input, $"{_behavior.Seed}:{salt}:{clientOrderId}", out var written))
        {
            System.Security.Cryptography.SHA256.HashData(input[..written], hash);
        }
        else
        {
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{_behavior.Seed}:{salt}:{clientOrderId}"), hash);
        }

        return (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <inheritdoc />
    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true, "paper"));

    private OrderResult Open(OrderRequest request)
    {
        var result = Fill(request);
        // A draw is in [0, 1): with no pending fills configured (the default) none is made.
        if (_behavior.PendingFraction > 0 && Draw(request.ClientOrderId, 0) < _behavior.PendingFraction)
        {
            // Accepted now, decided later: the fill (if any) comes at another price, possibly for part of the size.
            var partial = Draw(request.ClientOrderId, 2) < _behavior.PartialFillFraction;
            var slip = request.Side == TradeSide.Long ? 1m + _behavior.PendingSlippage : 1m - _behavior.PendingSlippage;
            var qty = partial ? Math.Round(result.FilledQuantity / 2m, Math.Min(PaperMarketData.SizeDecimals(Venue, request.Market.Symbol), 10), MidpointRounding.ToZero) : result.FilledQuantity;
            var fill = result with { FilledQuantity = qty, AveragePrice = result.AveragePrice * slip, FeesUsd = Math.Round(qty * result.AveragePrice * slip * _feeRate, 6) };
            var cancelled = Draw(request.ClientOrderId, 1) < _behavior.CancelFraction || qty <= 0m;
            _pending[request.ClientOrderId] = new PendingOrder(request, fill, cancelled, _time.GetUtcNow() + _behavior.PendingDelay);
            return result with { Status = OrderStatus.Pending, FilledQuantity = 0m, FeesUsd = 0m };
        }

        _open[request.ClientOrderId] = new PaperPosition(request.Deployment.Id, request.Market.Symbol, request.Side, result.FilledQuantity, result.AveragePrice, result.VenueOrderId);
        return result;
    }

    private OrderResult Fill(OrderRequest request)
    {
        var market = request.Market;
        var price = _prices.GetPrice(Venue, market.Symbol) ?? throw new VenueException(Venue, $"paper venue has no price for {market.Symbol}");
        // Like the real venues: the core's limits, and a request below 1 is refused (MaxxitValidationException on leverage).
        var leverage = LeverageLimits.ForMarket(request.Leverage ?? LeverageLimits.Minimum, market);
        var collateral = _accountValueUsd * request.SizePercent / 100m;
        var quantity = Math.Round(collateral * leverage / price, Math.Min(PaperMarketData.SizeDecimals(Venue, market.Symbol), 10), MidpointRounding.ToZero);
        if (quantity <= 0m)
        {
            throw new VenueException(Venue, $"order size rounds to zero for {market.Symbol} at {price}", "raise the size percent or the account value");
        }

        return new OrderResult
        {
            Status = OrderStatus.Filled,
            VenueOrderId = string.Concat(_orderIdPrefix, Interlocked.Increment(ref _nextOrderId).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            FilledQuantity = quantity,
            AveragePrice = price,
            Leverage = leverage,
            CollateralUsd = collateral,
            FeesUsd = Math.Round(quantity * price * _feeRate, 6),
        };
    }
}
