namespace Maxxit.Sdk.Signals;

/// <summary>A venue-agnostic trade idea (<c>signals_v3</c>). It names no venue until routed.</summary>
public sealed record Signal
{
    /// <summary>Signal id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The agent that produced it.</summary>
    public required Guid AgentId { get; init; }

    /// <summary>Upper-case token symbol as the venues list it, e.g. ETH, XAU, EURUSD.</summary>
    public required string TokenSymbol { get; init; }

    /// <summary>Direction.</summary>
    public required TradeSide Side { get; init; }

    /// <summary>Size.</summary>
    public required SizeModel SizeModel { get; init; }

    /// <summary>Protection.</summary>
    public required RiskModel RiskModel { get; init; }

    /// <summary>Confidence in [0, 1].</summary>
    public required decimal Confidence { get; init; }

    /// <summary>Always <see cref="Venue.Multi"/>: signals never choose a venue.</summary>
    public Venue RequestedVenue { get; init; } = Venue.Multi;

    /// <summary>The venue the router chose (first deployment's), once routed.</summary>
    public Venue? FinalVenue { get; init; }

    /// <summary>When it was routed.</summary>
    public DateTimeOffset? RoutedAt { get; init; }

    /// <summary>Ids of the X posts it came from.</summary>
    public IReadOnlyList<string> SourceTweets { get; init; } = [];

    /// <summary>Ids of the research signals it came from.</summary>
    public IReadOnlyList<string> SourceResearch { get; init; } = [];

    /// <summary>Why the generator proposed it.</summary>
    public string? Reasoning { get; init; }

    /// <summary>Execution state.</summary>
    public SignalStatus Status { get; init; } = SignalStatus.Pending;

    /// <summary>Why it was skipped or failed.</summary>
    public string? SkippedReason { get; init; }

    /// <summary>When execution finished.</summary>
    public DateTimeOffset? ExecutedAt { get; init; }

    /// <summary>While <see cref="SignalStatus.Executing"/>: when the executor's claim lapses and another may take it over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Fencing token of the current executor's claim (incremented by every claim); completion is written only under it.</summary>
    public long Fence { get; init; }

    /// <summary>Creation time (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
