namespace Maxxit.Sdk.Agents;

/// <summary>A venue-agnostic trading agent (<c>agents_v3</c>). Its venue is always <see cref="Venue.Multi"/>.</summary>
public sealed record Agent
{
    /// <summary>Agent id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Wallet of the agent's creator (0x-prefixed, 40 hex digits).</summary>
    public required string CreatorWallet { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Always <see cref="Venue.Multi"/>: the router picks the venue per trade.</summary>
    public Venue Venue { get; init; } = Venue.Multi;

    /// <summary>Lifecycle state.</summary>
    public AgentStatus Status { get; init; } = AgentStatus.Active;

    /// <summary>X (Twitter) account ids whose posts feed the agent.</summary>
    public IReadOnlyList<string> XAccountIds { get; init; } = [];

    /// <summary>Research institutes whose signals feed the agent.</summary>
    public IReadOnlyList<string> ResearchInstituteIds { get; init; } = [];

    /// <summary>Weights of the inputs.</summary>
    public required AgentWeights Weights { get; init; }

    /// <summary>Performance figures, once positions have closed.</summary>
    public AgentMetrics Metrics { get; init; } = new(null, null, null);

    /// <summary>Where profit shares are paid.</summary>
    public string? ProfitReceiverAddress { get; init; }

    /// <summary>Creation time (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
