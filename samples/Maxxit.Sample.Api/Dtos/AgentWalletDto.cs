namespace Maxxit.Sample.Api.Dtos;

/// <summary>One venue's agent wallet in a deployment response: its address (never its key).</summary>
public sealed record AgentWalletDto(string Address);
