using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues;

/// <summary>
/// Optional beside <see cref="IVenueAdapter"/>: the venue's own leverage rule for a market (its step and any maximum
/// tighter than the listed one right now). The executor feeds it to <see cref="LeverageLimits"/> when it sizes an
/// order, so the position records the leverage the venue will really use. Answered from memory, never with I/O.
/// </summary>
public interface IVenueLeverageRules
{
    /// <summary>The venue's leverage rule for <paramref name="market"/> now.</summary>
    VenueLeverageRule GetLeverageRule(MarketInfo market);
}
