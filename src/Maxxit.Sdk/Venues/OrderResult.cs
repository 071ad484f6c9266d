namespace Maxxit.Sdk.Venues;

/// <summary>What the venue did with an order.</summary>
public sealed record OrderResult
{
    /// <summary>Order state.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>The venue's order id.</summary>
    public required string VenueOrderId { get; init; }

    /// <summary>Filled size in base units (0 when not filled yet).</summary>
    public required decimal FilledQuantity { get; init; }

    /// <summary>Average fill price, or the limit/requested price when not filled yet.</summary>
    public required decimal AveragePrice { get; init; }

    /// <summary>Leverage used.</summary>
    public decimal Leverage { get; init; } = 1m;

    /// <summary>Margin committed, in USD (the capital returns are measured against).</summary>
    public decimal CollateralUsd { get; init; }

    /// <summary>Fees charged, in USD, when the venue reports them.</summary>
    public decimal FeesUsd { get; init; }

    /// <summary>A submission id such as a transaction hash, when there is one.</summary>
    public string? SubmissionId { get; init; }
}
