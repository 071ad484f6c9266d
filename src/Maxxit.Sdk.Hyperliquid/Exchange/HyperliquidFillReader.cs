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

    public HyperliquidFillReader(HyperliquidInfoClient info, ILogger logger)
    {
        _info = info;
        _logger = logger;
    }

    public async Task<OrderResult> FromPlacedAsync(string user, HyperliquidOrderResult result, HyperliquidOrder order, int leverage, CancellationToken cancellationToken)
    {
        var oid = result.OrderId ?? throw new HyperliquidApiException("Hyperliquid accepted the order without an order id.", null, isTransient: false);
        if (result.Kind == HyperliquidOrderResultKind.Filled && result.AveragePrice is { } average)
        {
            var (_, _, fees) = await FillsOfAsync(user, oid, cancellationToken).ConfigureAwait(false);
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

        var (size, notional, fees) = await FillsOfAsync(user, existing.OrderId, cancellationToken).ConfigureAwait(false);

        // Fills older than the exchange's recent-fills window are gone; the limit price then bounds the true average.
        var average = size > 0m ? notional / size : existing.LimitPrice;
        return Filled(existing.OrderId, filled, average, leverage, fees, existing.ClientOrderId);
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

    private async Task<(decimal Size, decimal Notional, decimal Fees)> FillsOfAsync(string user, long oid, CancellationToken cancellationToken)
    {
        try
        {
            decimal size = 0m, notional = 0m, fees = 0m;
            foreach (var fill in await _info.GetUserFillsAsync(user, cancellationToken).ConfigureAwait(false))
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
