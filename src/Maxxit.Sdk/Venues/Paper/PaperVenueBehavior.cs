namespace Maxxit.Sdk.Venues.Paper;

/// <summary>
/// How the paper venues behave beyond instant fills, so that the paths a real venue takes every day run offline:
/// latency, orders that stay pending and are filled later (at another price, or partly) or cancelled. Random choices
/// are drawn from <see cref="Seed"/> and the client order id, so a run is reproducible.
/// </summary>
public sealed class PaperVenueBehavior
{
    /// <summary>How long each order takes to be answered (default none).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fraction of opening orders the venue accepts as pending and fills or cancels later, 0 to 1 (default 0: all fill at once).</summary>
    public double PendingFraction { get; set; }

    /// <summary>How long a pending order waits before its fate is decided (default 2 s).</summary>
    public TimeSpan PendingDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Of the pending orders, the fraction the venue cancels instead of filling, 0 to 1 (default 0).</summary>
    public double CancelFraction { get; set; }

    /// <summary>Of the pending orders that fill, the fraction filled only partly (half the size), 0 to 1 (default 0).</summary>
    public double PartialFillFraction { get; set; }

    /// <summary>How far a pending order's fill moves from the price when it was placed, as a fraction (default 0.001 = 10 bp, adverse).</summary>
    public decimal PendingSlippage { get; set; } = 0.001m;

    /// <summary>Seed of the random choices (default 1).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The reason a cancelled paper order gives.</summary>
    public string CancelReason { get; set; } = "cancelled by the venue: price moved beyond the slippage limit";
}
