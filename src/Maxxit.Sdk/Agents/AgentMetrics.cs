namespace Maxxit.Sdk.Agents;

/// <summary>Performance figures of an agent computed from realized PnL.</summary>
/// <param name="Apr30d">Annualized return over the last 30 days, as a fraction (0.12 = 12 %).</param>
/// <param name="Apr90d">Annualized return over the last 90 days, as a fraction.</param>
/// <param name="Sharpe30d">Annualized Sharpe ratio of daily returns over the last 30 days.</param>
public sealed record AgentMetrics(decimal? Apr30d, decimal? Apr90d, decimal? Sharpe30d);
