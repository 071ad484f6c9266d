using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Metrics;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Tests.Metrics;

public sealed class AgentMetricsCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid D1 = Guid.NewGuid();
    private static readonly Guid D2 = Guid.NewGuid();

    private static Position Closed(Guid deployment, Venue venue, double openedDaysAgo, double closedDaysAgo, decimal collateral, decimal pnl) => new()
    {
        Id = Guid.NewGuid(),
        DeploymentId = deployment,
        SignalId = Guid.NewGuid(),
        Venue = venue,
        TokenSymbol = "ETH",
        Side = TradeSide.Long,
        CollateralUsd = collateral,
        Status = PositionStatus.Closed,
        Pnl = pnl,
        ClientOrderId = "0x1",
        OpenedAt = Now.AddDays(-openedDaysAgo),
        ClosedAt = Now.AddDays(-closedDaysAgo),
    };

    // D1 on Hyperliquid: two overlapping positions (1000 + 500 at once → capital 1500).
    // D1 on Ostium: one position of 2000. D2 on Hyperliquid: two back-to-back positions of 1000 (capital 1000),
    // closed 60 and 45 days ago: inside 90 days, outside 30.
    private static readonly Position[] Book =
    [
        Closed(D1, Venue.Hyperliquid, 20, 10, 1000m, 50m),
        Closed(D1, Venue.Hyperliquid, 15, 5, 500m, -20m),
        Closed(D1, Venue.Ostium, 40, 2.5, 2000m, 100m),
        Closed(D2, Venue.Hyperliquid, 80, 60, 1000m, 30m),
        Closed(D2, Venue.Hyperliquid, 60, 45, 1000m, -10m),
    ];

    [Fact]
    public void Apr_30d_is_pnl_over_the_sum_of_per_account_peak_capital_annualized()
    {
        // K30 = 1500 (D1 HL) + 2000 (D1 OST) = 3500; PnL 50 − 20 + 100 = 130; 130 / 3500 × 365 / 30 = 0.4519047…
        Assert.Equal(0.451905m, AgentMetricsCalculator.Compute(Book, Now).Apr30d);
    }

    [Fact]
    public void Apr_90d_counts_capital_freed_by_a_close_as_reusable_at_the_same_instant()
    {
        // K90 = 1500 + 2000 + 1000 (D2's two positions follow each other) = 4500; PnL 150; 150 / 4500 × 365 / 90 = 0.1351851…
        Assert.Equal(0.135185m, AgentMetricsCalculator.Compute(Book, Now).Apr90d);
    }

    [Fact]
    public void Sharpe_30d_uses_30_daily_returns_on_the_window_capital()
    {
        // Daily returns in units of 1/3500: 100 (day 2), −20 (day 5), 50 (day 10), 27 zero days.
        // mean 130/30 = 4.3333; sample variance (12900 − 30 × 4.3333²) / 29 = 425.4023; 4.3333 / 20.6253 × √365 = 4.013919.
        Assert.Equal(4.013919m, AgentMetricsCalculator.Compute(Book, Now).Sharpe30d);
    }

    [Fact]
    public void Capital_is_kept_apart_per_venue_and_per_deployment()
    {
        // Same deployment, same times, two venues: 1000 + 1000 rather than one 1000 of shared capital.
        var twoVenues = new[] { Closed(D1, Venue.Hyperliquid, 2, 1, 1000m, 10m), Closed(D1, Venue.Ostium, 2, 1, 1000m, 10m) };
        Assert.Equal(2000m, AgentMetricsCalculator.Capital(twoVenues));

        // Two deployments one after the other on the same venue: two accounts, 1000 each.
        var twoUsers = new[] { Closed(D1, Venue.Hyperliquid, 4, 3, 1000m, 10m), Closed(D2, Venue.Hyperliquid, 2, 1, 1000m, 10m) };
        Assert.Equal(2000m, AgentMetricsCalculator.Capital(twoUsers));

        // One account, sequential: the capital is reused.
        var sequential = new[] { Closed(D1, Venue.Hyperliquid, 4, 3, 1000m, 10m), Closed(D1, Venue.Hyperliquid, 2, 1, 1000m, 10m) };
        Assert.Equal(1000m, AgentMetricsCalculator.Capital(sequential));
    }

    [Fact]
    public void A_close_exactly_30_days_ago_is_outside_the_30_day_window()
    {
        var book = new[] { Closed(D1, Venue.Hyperliquid, 31, 30, 1000m, 100m), Closed(D1, Venue.Hyperliquid, 2, 1, 1000m, 10m) };
        var metrics = AgentMetricsCalculator.Compute(book, Now);

        Assert.Equal(Math.Round(10m / 1000m * 365m / 30m, 6), metrics.Apr30d);
        Assert.Equal(Math.Round(110m / 1000m * 365m / 90m, 6), metrics.Apr90d);
    }

    [Fact]
    public void Nothing_closed_gives_no_figures_and_flat_returns_give_no_sharpe()
    {
        var open = Closed(D1, Venue.Hyperliquid, 2, 1, 1000m, 10m) with { Status = PositionStatus.Open, ClosedAt = null, Pnl = null };
        Assert.Equal(new AgentMetrics(null, null, null), AgentMetricsCalculator.Compute([open], Now));

        var flat = AgentMetricsCalculator.Compute([Closed(D1, Venue.Hyperliquid, 2, 1, 1000m, 0m)], Now);
        Assert.Equal(0m, flat.Apr30d);
        Assert.Null(flat.Sharpe30d);
    }
}
