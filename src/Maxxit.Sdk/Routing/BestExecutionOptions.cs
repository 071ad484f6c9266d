namespace Maxxit.Sdk.Routing;

/// <summary>Settings of <see cref="RoutingStrategy.BestExecution"/> and of the background cost refresh.</summary>
public sealed class BestExecutionOptions
{
    /// <summary>How often the background service reads every venue's books, fees and funding (default 15 s).</summary>
    public TimeSpan CostRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A cost snapshot older than this counts as unknown: the venue is ranked by priority after venues with fresh data (default 60 s).</summary>
    public TimeSpan MaxCostSnapshotAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Holding period for funding and rollover when the request gives none (default 24 h).</summary>
    public TimeSpan DefaultHoldingPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Notional priced when the request gives none, in USD (default 1,000).</summary>
    public decimal DefaultNotionalUsd { get; set; } = 1_000m;
}
