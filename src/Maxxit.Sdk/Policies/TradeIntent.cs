namespace Maxxit.Sdk.Policies;

/// <summary>One trade for one deployment, as the policy leaves it.</summary>
/// <param name="TokenSymbol">Token.</param>
/// <param name="Side">Direction.</param>
/// <param name="SizePercent">Percent of the account, in (0, 100].</param>
/// <param name="Leverage">Leverage to use; null means the venue's default.</param>
/// <param name="Confidence">Signal confidence.</param>
/// <param name="VenuePriority">The user's venue order; empty means the agent's routing config.</param>
/// <param name="ExcludedVenues">Venues not to use.</param>
public sealed record TradeIntent(
    string TokenSymbol,
    TradeSide Side,
    decimal SizePercent,
    decimal? Leverage,
    decimal Confidence,
    IReadOnlyList<Venue> VenuePriority,
    IReadOnlyList<Venue> ExcludedVenues);
