using System.Globalization;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>Turns the exchange's answer to an order, or an order found again by cloid, into the core's order result.</summary>
internal sealed class HyperliquidFillReader
{
    private readonly HyperliquidInfoClient _info;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public HyperliquidFillReader(HyperliquidInfoClient info, ILogger logger, TimeProvider time)
    {
        _info = info;
        _logger = logger;
        _time = time;
    }

    public async Task<OrderResult> FromPlacedAsync(string user, HyperliquidOrderResult result, HyperliquidOrder order, int leverage, CancellationToken cancellationToken)
    {
        var oid = result.OrderId ?? throw new HyperliquidApiException("Hyperliquid accepted the order without an order id.", null, isTransient: false);
        if (result.Kind == HyperliquidOrderResultKind.Filled && result.AveragePrice is { } average)
        {
            var (_, _, fees) = await FillsOfAsync(user, oid, null, cancellationToken).ConfigureAwait(false);
            return Filled(oid, result.FilledSize, average, leverage, fees, order.ClientOrderId?.ToString());
        }

        return new OrderResult
        {
            Status = result.Kind == HyperliquidOrderResultKind.Resting ? OrderStatus.Resting : OrderStatus.Pending,
            VenueOrderId = oid.ToString(CultureInfo.InvariantCulture),
            FilledQuantity = 0m,
            AveragePrice = order.LimitPrice,
            Leverage = leverage,
            CollateralUsd = order.Size * order.LimitPrice / leverage,
            SubmissionId = order.ClientOrderId?.ToString(),
        };
    }

    public async Task<OrderResult> FromExistingAsync(string user, HyperliquidOrderState existing, int leverage, CancellationToken cancellationToken)
    {
        var filled = existing.FilledSize;
        if (filled <= 0m && existing.Status is not ("open" or "triggered"))
        {
            throw new HyperliquidRejectedException(
                $"The earlier order with this client order id ended as '{existing.Status}' without a fill.",
                "It is not re-sent under the same id.");
        }

        if (filled <= 0m)
        {
            return new OrderResult
            {
                Status = OrderStatus.Resting,
                VenueOrderId = existing.OrderId.ToString(CultureInfo.InvariantCulture),
                FilledQuantity = 0m,
                AveragePrice = existing.LimitPrice,
                Leverage = leverage,
                CollateralUsd = existing.OriginalSize * existing.LimitPrice / leverage,
                SubmissionId = existing.ClientOrderId,
            };
        }

        var (size, notional, fees) = await FillsOfAsync(user, existing.OrderId, existing.Timestamp, cancellationToken).ConfigureAwait(false);

        // Fills older than the exchange's recent-fills window are gone; the limit price then bounds the true average.
        var average = size > 0m ? notional / size : existing.LimitPrice;
        return Filled(existing.OrderId, filled, average, leverage, fees, existing.ClientOrderId);
    }

    /// <summary>What became of an order found by cloid, for fill confirmation: never places or changes anything.</summary>
    public async Task<OrderFate> FateOfAsync(string user, HyperliquidOrderState state, CancellationToken cancellationToken)
    {
        var oid = state.OrderId.ToString(CultureInfo.InvariantCulture);
        var working = state.Status is "open" or "triggered";
        if (state.FilledSize <= 0m)
        {
            return working
                ? OrderFate.Pending($"Hyperliquid order {oid} is {state.Status}, nothing filled yet.")
                : OrderFate.Cancelled($"{state.Status}: Hyperliquid order {oid} ended without a fill.");
        }

        if (working)
        {
            // A resting order that filled in part is still working; its fate is known once it is filled or cancelled.
            return OrderFate.Pending(string.Create(
                CultureInfo.InvariantCulture, $"Hyperliquid order {oid} is {state.Status}, {state.FilledSize} of {state.OriginalSize} filled."));
        }

        // Filled, or cancelled after a partial fill (the filled part is a real position either way).
        var (size, notional, fees) = await FillsOfAsync(user, state.OrderId, state.Timestamp, cancellationToken).ConfigureAwait(false);
        var average = size > 0m ? notional / size : state.LimitPrice;
        return OrderFate.Filled(state.FilledSize, average, fees, oid) with
        {
            Reason = state.Status == "filled" ? null : $"{state.Status} after a partial fill",
        };
    }

    private static OrderResult Filled(long oid, decimal size, decimal average, int leverage, decimal fees, string? cloid) => new()
    {
        Status = OrderStatus.Filled,
        VenueOrderId = oid.ToString(CultureInfo.InvariantCulture),
        FilledQuantity = size,
        AveragePrice = average,
        Leverage = leverage,
        CollateralUsd = size * average / leverage,
        FeesUsd = fees,
        SubmissionId = cloid,
    };

    private async Task<(decimal Size, decimal Notional, decimal Fees)> FillsOfAsync(string user, long oid, long? placedAt, CancellationToken cancellationToken)
    {
        try
        {
            // userFills costs 20 weight plus 1 per 20 fills returned (up to 2,000); asking only for the fills since the
            // order was placed (a minute of clock slack) keeps one fill lookup at about 21.
            var since = (placedAt ?? _time.GetUtcNow().ToUnixTimeMilliseconds()) - 60_000;
            decimal size = 0m, notional = 0m, fees = 0m;
            foreach (var fill in await _info.GetUserFillsByTimeAsync(user, since, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (fill.OrderId == oid)
                {
                    size += fill.Size;
                    notional += fill.Size * fill.Price;
                    fees += fill.Fee;
                }
            }

            return (size, notional, fees);
        }
        catch (HyperliquidApiException ex)
        {
            // The order is filled either way; a missing fee figure must not turn a fill into a failure.
            _logger.LogWarning(ex, "Could not read the fills of Hyperliquid order {Oid}", oid);
            return (0m, 0m, 0m);
        }
    }
}
