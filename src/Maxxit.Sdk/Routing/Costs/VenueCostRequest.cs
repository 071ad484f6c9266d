using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Routing.Costs;

/// <summary>What a cost source is asked to price.</summary>
/// <param name="Markets">The venue's markets to price (those another venue lists too: only they have a choice to make).</param>
/// <param name="Time">The host's clock, for stamping <see cref="VenueCostSnapshot.AsOf"/> when the venue's data carries no time.</param>
public sealed record VenueCostRequest(IReadOnlyCollection<MarketInfo> Markets, TimeProvider Time);
