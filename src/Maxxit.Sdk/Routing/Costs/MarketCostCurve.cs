using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Routing.Costs;

/// <summary>
/// The immutable cost inputs of one market on one venue, taken from one snapshot: both book sides (as cumulative
/// notional and size, so pricing an order walks at most one array), the taker fee, the hourly carry of each side and the
/// fixed fee per order. Pricing allocates nothing.
/// </summary>
public sealed class MarketCostCurve
{
    private readonly Side _bids;
    private readonly Side _asks;

    /// <summary>Builds a curve; the levels are copied.</summary>
    /// <param name="midPrice">The reference price the spread is measured from (book mid or oracle mid), &gt; 0.</param>
    /// <param name="bids">Bid levels, best (highest) first; at least one.</param>
    /// <param name="asks">Ask levels, best (lowest) first; at least one.</param>
    /// <param name="takerFeeBps">Taker fee in basis points of notional, &gt;= 0.</param>
    /// <param name="longCarryBpsPerHour">What a long pays per hour held, in bps of notional (negative: it receives).</param>
    /// <param name="shortCarryBpsPerHour">What a short pays per hour held, in bps of notional (negative: it receives).</param>
    /// <param name="fixedFeeUsd">A fixed fee per order in USD (e.g. an oracle fee), &gt;= 0.</param>
    /// <exception cref="MaxxitValidationException">A value is out of range or a side is empty or out of order.</exception>
    public MarketCostCurve(
        double midPrice,
        ReadOnlySpan<BookLevel> bids,
        ReadOnlySpan<BookLevel> asks,
        double takerFeeBps,
        double longCarryBpsPerHour,
        double shortCarryBpsPerHour,
        double fixedFeeUsd = 0)
    {
        if (!double.IsFinite(midPrice) || midPrice <= 0)
        {
            throw new MaxxitValidationException(nameof(midPrice), $"must be a finite number > 0, got {midPrice}");
        }

        Finite(takerFeeBps, nameof(takerFeeBps), nonNegative: true);
        Finite(longCarryBpsPerHour, nameof(longCarryBpsPerHour), nonNegative: false);
        Finite(shortCarryBpsPerHour, nameof(shortCarryBpsPerHour), nonNegative: false);
        Finite(fixedFeeUsd, nameof(fixedFeeUsd), nonNegative: true);
        MidPrice = midPrice;
        _bids = new Side(bids, descending: true, nameof(bids));
        _asks = new Side(asks, descending: false, nameof(asks));
        TakerFeeBps = takerFeeBps;
        LongCarryBpsPerHour = longCarryBpsPerHour;
        ShortCarryBpsPerHour = shortCarryBpsPerHour;
        FixedFeeUsd = fixedFeeUsd;
    }

    /// <summary>The reference price.</summary>
    public double MidPrice { get; }

    /// <summary>Taker fee, bps of notional.</summary>
    public double TakerFeeBps { get; }

    /// <summary>What a long pays per hour, bps of notional.</summary>
    public double LongCarryBpsPerHour { get; }

    /// <summary>What a short pays per hour, bps of notional.</summary>
    public double ShortCarryBpsPerHour { get; }

    /// <summary>Fixed fee per order, USD.</summary>
    public double FixedFeeUsd { get; }

    /// <summary>Number of bid levels.</summary>
    public int BidLevels => _bids.Prices.Length;

    /// <summary>Number of ask levels.</summary>
    public int AskLevels => _asks.Prices.Length;

    /// <summary>The expected cost of an opening market order.</summary>
    /// <param name="side">Long buys from the asks, short sells into the bids.</param>
    /// <param name="notionalUsd">The order's notional in USD, &gt; 0 (0 or less prices the best level and no fixed fee).</param>
    /// <param name="holdingHours">Expected holding period in hours, &gt;= 0.</param>
    public VenueCostEstimate Estimate(TradeSide side, double notionalUsd, double holdingHours)
    {
        var buy = side == TradeSide.Long;
        var impact = (buy ? _asks : _bids).ImpactBps(notionalUsd, MidPrice, buy, out var exceeded);
        var carry = (buy ? LongCarryBpsPerHour : ShortCarryBpsPerHour) * holdingHours;
        var fixedBps = FixedFeeUsd == 0 || notionalUsd <= 0 ? 0 : FixedFeeUsd / notionalUsd * 10_000;
        return new VenueCostEstimate(TakerFeeBps, impact, carry, fixedBps, exceeded);
    }

    private static void Finite(double value, string field, bool nonNegative)
    {
        if (!double.IsFinite(value) || (nonNegative && value < 0))
        {
            throw new MaxxitValidationException(field, nonNegative ? $"must be a finite number >= 0, got {value}" : $"must be a finite number, got {value}");
        }
    }

    private sealed class Side
    {
        public readonly double[] Prices;
        public readonly double[] CumulativeNotional;
        public readonly double[] CumulativeSize;

        public Side(ReadOnlySpan<BookLevel> levels, bool descending, string field)
        {
            if (levels.IsEmpty)
            {
                throw new MaxxitValidationException(field, "needs at least one level");
            }

            Prices = new double[levels.Length];
            CumulativeNotional = new double[levels.Length];
            CumulativeSize = new double[levels.Length];
            double notional = 0, size = 0;
            for (var i = 0; i < levels.Length; i++)
            {
                var (price, levelSize) = levels[i];
                if (!double.IsFinite(price) || price <= 0 || double.IsNaN(levelSize) || levelSize <= 0)
                {
                    throw new MaxxitValidationException(field, $"level {i} needs a finite price > 0 and a size > 0, got {price} x {levelSize}");
                }

                if (i > 0 && (descending ? price >= Prices[i - 1] : price <= Prices[i - 1]))
                {
                    throw new MaxxitValidationException(field, $"level {i} ({price}) is out of order: {(descending ? "bids fall" : "asks rise")} from the best level");
                }

                Prices[i] = price;
                notional += price * levelSize;
                size += levelSize;
                CumulativeNotional[i] = notional;
                CumulativeSize[i] = size;
            }
        }

        // Average fill price of a market order for `notional` USD walking this side, against the mid, in bps (positive = worse).
        public double ImpactBps(double notional, double mid, bool buy, out bool exceeded)
        {
            exceeded = false;
            double average;
            if (notional <= 0)
            {
                average = Prices[0];
            }
            else
            {
                var last = Prices.Length - 1;
                var i = 0;
                while (i < last && CumulativeNotional[i] < notional)
                {
                    i++;
                }

                if (CumulativeNotional[i] < notional)
                {
                    exceeded = true;
                }

                var before = i == 0 ? 0 : CumulativeNotional[i - 1];
                var sizeBefore = i == 0 ? 0 : CumulativeSize[i - 1];
                average = notional / (sizeBefore + ((notional - before) / Prices[i]));
            }

            return (buy ? average / mid - 1 : 1 - average / mid) * 10_000;
        }
    }
}
