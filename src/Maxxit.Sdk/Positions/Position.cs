namespace Maxxit.Sdk.Positions;

/// <summary>A position on a venue for one (signal, deployment) (<c>positions_v3</c>).</summary>
public sealed record Position
{
    /// <summary>Position id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The user's deployment.</summary>
    public required Guid DeploymentId { get; init; }

    /// <summary>The signal it executes.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Venue the router chose.</summary>
    public required Venue Venue { get; init; }

    /// <summary>Upper-case token symbol.</summary>
    public required string TokenSymbol { get; init; }

    /// <summary>Direction.</summary>
    public required TradeSide Side { get; init; }

    /// <summary>Size in base units.</summary>
    public decimal Quantity { get; init; }

    /// <summary>Average entry price.</summary>
    public decimal EntryPrice { get; init; }

    /// <summary>Percent of the account committed as margin, as the policy left it (kept so that a resumed order has the same size).</summary>
    public decimal SizePercent { get; init; }

    /// <summary>Leverage: requested while opening, then as filled.</summary>
    public decimal Leverage { get; init; } = 1m;

    /// <summary>Margin committed, USD.</summary>
    public decimal CollateralUsd { get; init; }

    /// <summary>Stop-loss price, if any.</summary>
    public decimal? StopLoss { get; init; }

    /// <summary>Take-profit price, if any.</summary>
    public decimal? TakeProfit { get; init; }

    /// <summary>Trailing stop, if any.</summary>
    public TrailingParams? Trailing { get; init; }

    /// <summary>Lifecycle state.</summary>
    public required PositionStatus Status { get; init; }

    /// <summary>Realized PnL in USD, net of fees, once closed.</summary>
    public decimal? Pnl { get; init; }

    /// <summary>Fees paid, USD, where the venue reports them.</summary>
    public decimal FeesUsd { get; init; }

    /// <summary>Exit price, once closed.</summary>
    public decimal? ExitPrice { get; init; }

    /// <summary>Why it closed.</summary>
    public CloseReason? CloseReason { get; init; }

    /// <summary>Deterministic client order id of the opening order.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The venue's order id.</summary>
    public string? VenueOrderId { get; init; }

    /// <summary>Submission id (e.g. transaction hash) recorded before sending.</summary>
    public string? SubmissionId { get; init; }

    /// <summary>Why the opening order failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>
    /// When the current claim on the position lapses (the executor's while opening, the closer's while CLOSING, fill
    /// confirmation's while PENDING_FILL; also the earliest time of the next fill check).
    /// </summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>
    /// Fencing token of the last claim: every state change is written only if it still matches, so a worker whose claim
    /// was taken over can never overwrite the newer claimant's writes.
    /// </summary>
    public long Fence { get; init; }

    /// <summary>How many times the order's outcome was asked for and came back unknown (bounded by <see cref="MaxxitOptions.MaxUnknownOutcomes"/>).</summary>
    public int Attempts { get; init; }

    /// <summary>How many close attempts were made; attempt n is sent with <see cref="Execution.ClientOrderId.ForClose"/>(Id, n).</summary>
    public int CloseAttempts { get; init; }

    /// <summary>While CLOSING: the venue accepted the current close attempt and fills it later.</summary>
    public bool ClosePending { get; init; }

    /// <summary>
    /// Notional the order is meant to open, USD (account value × size × leverage when the account value was known): how
    /// a reserved or pending order counts in policy limits until its fill is known.
    /// </summary>
    public decimal IntendedNotionalUsd { get; init; }

    /// <summary>True while the position is held on the venue (<see cref="PositionStatus.Open"/> or <see cref="PositionStatus.Closing"/>).</summary>
    public bool IsOpenOnVenue => Status is PositionStatus.Open or PositionStatus.Closing;

    /// <summary>True while the opening order is in flight (reserved, submitted or pending fill).</summary>
    public bool IsOpening => Status is PositionStatus.Reserved or PositionStatus.Submitted or PositionStatus.PendingFill;

    /// <summary>When the position was opened (reserved).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When it closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
