namespace Maxxit.Sdk.Signals;

/// <summary>A research institute's call on a token.</summary>
/// <param name="Id">Research item id.</param>
/// <param name="InstituteId">Institute id.</param>
/// <param name="TokenSymbol">Token the call is about.</param>
/// <param name="Side">BUY maps to <see cref="TradeSide.Long"/>, SELL to <see cref="TradeSide.Short"/>.</param>
/// <param name="Reasoning">The institute's reasoning.</param>
/// <param name="CreatedAt">When it was published.</param>
public sealed record ResearchSignal(string Id, string InstituteId, string TokenSymbol, TradeSide Side, string Reasoning, DateTimeOffset CreatedAt);
