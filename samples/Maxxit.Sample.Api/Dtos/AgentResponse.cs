namespace Maxxit.Sample.Api.Dtos;

/// <summary>Answer of create agent: <c>{success, agent}</c>.</summary>
public sealed record AgentResponse(bool Success, AgentDto Agent);
