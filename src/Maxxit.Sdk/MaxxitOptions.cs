namespace Maxxit.Sdk;

/// <summary>Options of <c>AddMaxxitV3()</c>; validated when the first service that needs them is built.</summary>
public sealed class MaxxitOptions
{
    /// <summary>
    /// Base64 of the 32-byte AES-256-GCM master key that encrypts agent keys at rest. When null, a random key is made
    /// for this process only (fine for the embedded in-memory store; required for a durable store).
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// Base64 of older 32-byte master keys, for decryption only (default none). Keep a retired key here until
    /// <c>AgentKeyRotator.RotateAsync</c> has re-encrypted every stored agent key under <see cref="MasterKey"/>; see
    /// docs/security.md. Configuration: <c>Maxxit__PreviousMasterKeys__0</c>, <c>Maxxit:PreviousMasterKeys:0</c>.
    /// </summary>
    public IList<string> PreviousMasterKeys { get; } = new List<string>();

    /// <summary>How often venue market lists are reloaded (default 5 minutes; 1 second to 1 day).</summary>
    public TimeSpan MarketRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often routing configs are reloaded from the store, for changes made by other hosts (default 30 s).</summary>
    public TimeSpan RoutingConfigRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an executor's claim on a signal lasts before another host may take it over (default 2 minutes).</summary>
    public TimeSpan SignalLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many orders of one signal's fan-out are in flight at once per venue (default 16; 1 to 1 000). A venue adapter
    /// may lower it for itself with <see cref="Venues.IVenueOrderLimits"/>.
    /// </summary>
    public int MaxOrdersInFlightPerVenue { get; set; } = 16;

    /// <summary>
    /// How many times an order whose outcome is unknown (a timeout, the venue not knowing the order) is asked again
    /// before the position goes to NEEDS_RECONCILIATION (default 5; 1 to 100).
    /// </summary>
    public int MaxUnknownOutcomes { get; set; } = 5;

    /// <summary>Leverage when the policy sets none (default 2; capped by each market's maximum).</summary>
    public decimal DefaultLeverage { get; set; } = 2m;

    /// <summary>
    /// Whether the paper (simulated) Hyperliquid and Ostium venues stand in for venues that have no real adapter.
    /// Null (the default) means: paper only while no real adapter is registered, so the embedded default runs fully on
    /// paper and a host with any real adapter never trades on a simulated venue. True (what the builder's
    /// <c>UsePaperVenues()</c> sets) keeps paper venues next to real ones; false turns them off everywhere.
    /// </summary>
    public bool? UsePaperVenues { get; set; }

    /// <summary>Account value of every wallet on the paper venues, USD (default 10 000).</summary>
    public decimal PaperAccountValueUsd { get; set; } = 10_000m;

    /// <summary>Latency, pending fills, partial fills and cancels of the paper venues (default: every order fills at once).</summary>
    public Venues.Paper.PaperVenueBehavior PaperBehavior { get; set; } = new();

    /// <summary>Taker fee rate of the paper venues (default 0.00035 = 3.5 bp).</summary>
    public decimal PaperFeeRate { get; set; } = 0.00035m;

    /// <summary>Confidence below which the weighted generator proposes nothing (default 0.6).</summary>
    public decimal SignalConfidenceThreshold { get; set; } = 0.6m;
}
