namespace Maxxit.Sdk.Agents;

/// <summary>Input of the create-agent operation.</summary>
public sealed record CreateAgentRequest
{
    /// <summary>Creator's wallet (0x + 40 hex digits). Required.</summary>
    public string? CreatorWallet { get; init; }

    /// <summary>Display name, 1–100 characters. Required.</summary>
    public string? Name { get; init; }

    /// <summary>X account ids to follow.</summary>
    public IReadOnlyList<string>? XAccountIds { get; init; }

    /// <summary>Research institute ids to follow.</summary>
    public IReadOnlyList<string>? ResearchInstituteIds { get; init; }

    /// <summary>Input weights; default x = 1, research = 0.</summary>
    public AgentWeights? Weights { get; init; }

    /// <summary>Where profit shares are paid (a wallet address), optional.</summary>
    public string? ProfitReceiverAddress { get; init; }

    /// <summary>Initial state; default <see cref="AgentStatus.Active"/>.</summary>
    public AgentStatus? Status { get; init; }
}
