namespace Maxxit.Sdk.Policies;

/// <summary>What the stateful rules need about a deployment, read from the store in one query per execution.</summary>
/// <param name="OpenPositions">Open positions of the deployment, and orders in flight (reserved, submitted, pending fill).</param>
/// <param name="OpenNotionalUsd">Entry notional of all of them, USD; an order in flight counts at its intended notional.</param>
/// <param name="TokenNotionalUsd">The same for the signal's token, USD.</param>
/// <param name="LastTradeForToken">When the deployment last opened a position in the token.</param>
/// <param name="TradesToday">Positions opened since 00:00 UTC today (cancelled and failed orders excluded).</param>
/// <param name="Version">
/// How many positions the deployment has ever had: a reservation decided on this state is written only while it is
/// unchanged (see <see cref="Storage.ExecutionReservation.PolicyStateVersion"/>).
/// </param>
public sealed record PolicyState(int OpenPositions, decimal OpenNotionalUsd, decimal TokenNotionalUsd, DateTimeOffset? LastTradeForToken, int TradesToday, long Version = 0)
{
    /// <summary>No positions, no trades.</summary>
    public static PolicyState Empty { get; } = new(0, 0m, 0m, null, 0);
}
