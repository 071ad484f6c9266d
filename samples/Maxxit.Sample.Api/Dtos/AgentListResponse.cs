namespace Maxxit.Sample.Api.Dtos;

/// <summary>Answer of list agents: <c>{success, agents, count, version: "V3"}</c>.</summary>
public sealed record AgentListResponse(bool Success, IReadOnlyList<AgentDto> Agents, int Count, string Version);
