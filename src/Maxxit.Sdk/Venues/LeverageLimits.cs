using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues;

/// <summary>
/// The one home of leverage clamping: the requested leverage bounded by the policy's cap, the market's maximum and the
/// venue's own rule (<see cref="IVenueLeverageRules"/>), rounded down to the venue's step. The result is never above a
/// cap, never above the request and never below <see cref="Minimum"/>. The policy rule, the executor and every venue
/// adapter call it; venue-side refusals of a leverage (e.g. Ostium's group minimum) stay with the venue.
/// </summary>
public static class LeverageLimits
{
    /// <summary>The lowest leverage any order is placed at: 1 (no leverage).</summary>
    public const decimal Minimum = 1m;

    /// <summary>The highest leverage a policy or default may ask for: 100.</summary>
    public const decimal Highest = 100m;

    /// <summary>
    /// <paramref name="requested"/> bounded by every cap given and rounded down to the rule's step. A cap below
    /// <see cref="Minimum"/> (e.g. a market that reports no maximum) counts as <see cref="Minimum"/>, so the result is
    /// at least 1.
    /// </summary>
    /// <param name="requested">The leverage asked for, at least 1.</param>
    /// <param name="policyCap">The deployment policy's cap, if any.</param>
    /// <param name="marketMax">The market's listed maximum, if known.</param>
    /// <param name="rule">The venue's own rule for the market, if any.</param>
    /// <exception cref="MaxxitValidationException"><paramref name="requested"/> is below 1, or the rule's step is outside [0, 1].</exception>
    public static decimal Clamp(decimal requested, decimal? policyCap = null, decimal? marketMax = null, VenueLeverageRule? rule = null)
    {
        if (requested < Minimum)
        {
            throw new MaxxitValidationException("leverage", "must be at least 1");
        }

        var step = rule?.Step ?? 0m;
        if (step is < 0m or > 1m)
        {
            throw new MaxxitValidationException("leverage_step", "must be in [0, 1]");
        }

        var limit = requested;
        limit = Bound(limit, policyCap);
        limit = Bound(limit, marketMax);
        limit = Bound(limit, rule?.Maximum);
        if (step > 0m)
        {
            // Round down: the position is never more leveraged than asked or allowed.
            limit = decimal.Floor(limit / step) * step;
        }

        return Math.Max(limit, Minimum);
    }

    /// <summary>
    /// <paramref name="requested"/> clamped for an order on <paramref name="market"/>: its listed maximum, the venue's
    /// own rule when <paramref name="adapter"/> has one (<see cref="IVenueLeverageRules"/>) and the policy's cap.
    /// </summary>
    /// <param name="requested">The leverage asked for, at least 1.</param>
    /// <param name="market">The routed market.</param>
    /// <param name="adapter">The venue's adapter, when known.</param>
    /// <param name="policyCap">The deployment policy's cap, if any.</param>
    /// <exception cref="MaxxitValidationException"><paramref name="requested"/> is below 1.</exception>
    public static decimal ForMarket(decimal requested, MarketInfo market, IVenueAdapter? adapter = null, decimal? policyCap = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        return Clamp(requested, policyCap, market.MaxLeverage, (adapter as IVenueLeverageRules)?.GetLeverageRule(market));
    }

    private static decimal Bound(decimal value, decimal? cap) =>
        cap is { } c ? Math.Min(value, Math.Max(c, Minimum)) : value;
}
