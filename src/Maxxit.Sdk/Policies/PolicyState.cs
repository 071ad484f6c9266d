namespace Maxxit.Sdk.Policies;

/// <summary>What the stateful rules need about a deployment, read from the store in one query per execution.</summary>
/// <param name="OpenPositions">Open (or opening) positions of the deployment.</param>
/// <param name="OpenNotionalUsd">Entry notional of all of them, USD.</param>
/// <param name="TokenNotionalUsd">Entry notional of those in the signal's token, USD.</param>
/// <param name="LastTradeForToken">When the deployment last opened a position in the token.</param>
/// <param name="TradesToday">Positions opened since 00:00 UTC today.</param>
public sealed record PolicyState(int OpenPositions, decimal OpenNotionalUsd, decimal TokenNotionalUsd, DateTimeOffset? LastTradeForToken, int TradesToday)
{
    /// <summary>No positions, no trades.</summary>
    public static PolicyState Empty { get; } = new(0, 0m, 0m, null, 0);
}
