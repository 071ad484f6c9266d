using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues.Paper;

/// <summary>A bundled paper market: its catalog entry and the paper venue's own data about it.</summary>
/// <param name="Info">The venue-neutral catalog entry.</param>
/// <param name="SizeDecimals">Decimals allowed in an order size.</param>
internal sealed record PaperMarket(MarketInfo Info, int SizeDecimals);
