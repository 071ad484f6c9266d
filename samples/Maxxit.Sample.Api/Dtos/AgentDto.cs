using System.Text.Json.Serialization;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>An agent as the original returned it (the columns of <c>agents_v3</c>).</summary>
public sealed record AgentDto(
    Guid Id,
    string CreatorWallet,
    string Name,
    Venue Venue,
    AgentStatus Status,
    IReadOnlyList<string> XAccountIds,
    IReadOnlyList<string> ResearchInstituteIds,
    WeightsDto Weights,
    [property: JsonPropertyName("apr_30d")] decimal? Apr30d,
    [property: JsonPropertyName("apr_90d")] decimal? Apr90d,
    [property: JsonPropertyName("sharpe_30d")] decimal? Sharpe30d,
    string? ProfitReceiverAddress,
    DateTimeOffset CreatedAt)
{
    public static AgentDto From(Agent agent) => new(
        agent.Id,
        agent.CreatorWallet,
        agent.Name,
        agent.Venue,
        agent.Status,
        agent.XAccountIds,
        agent.ResearchInstituteIds,
        WeightsDto.From(agent.Weights),
        agent.Metrics.Apr30d,
        agent.Metrics.Apr90d,
        agent.Metrics.Sharpe30d,
        agent.ProfitReceiverAddress,
        agent.CreatedAt);
}
