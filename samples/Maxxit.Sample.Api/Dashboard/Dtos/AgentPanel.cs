using System.Text.Json.Serialization;
using Maxxit.Sdk.Agents;

namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>One agent's figures.</summary>
/// <param name="Id">Agent id.</param>
/// <param name="Name">Name.</param>
/// <param name="Status">DRAFT, ACTIVE or PAUSED.</param>
/// <param name="Signals">Signals generated.</param>
/// <param name="Positions">Positions of its deployments in any state but FAILED.</param>
/// <param name="OpenPositions">Of those, OPEN or CLOSING.</param>
/// <param name="RealizedPnl">Realized PnL of its closed positions, USD.</param>
/// <param name="Apr30d">Annualized return over 30 days as a fraction, or null.</param>
/// <param name="Apr90d">Annualized return over 90 days as a fraction, or null.</param>
/// <param name="Sharpe30d">Annualized 30-day Sharpe ratio, or null.</param>
/// <param name="PnlCurve">Cumulative realized PnL per day with closes over the last 90 days, oldest first.</param>
public sealed record AgentPanel(
    Guid Id,
    string Name,
    AgentStatus Status,
    int Signals,
    int Positions,
    int OpenPositions,
    decimal RealizedPnl,
    [property: JsonPropertyName("apr_30d")] decimal? Apr30d,
    [property: JsonPropertyName("apr_90d")] decimal? Apr90d,
    [property: JsonPropertyName("sharpe_30d")] decimal? Sharpe30d,
    IReadOnlyList<PnlPoint> PnlCurve);
