using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Metrics;

/// <summary>
/// apr_30d, apr_90d and sharpe_30d of an agent from realized PnL on deployed collateral. The formulas are written out
/// in <c>docs/positions.md</c>; in short, for a window of D days ending now:
/// <list type="bullet">
/// <item>the positions counted are those CLOSED in (now − D days, now];</item>
/// <item>the capital of an account (one deployment on one venue) is the peak of the collateral it had deployed at
/// the same time over those positions; the window's capital K is the sum over accounts, because capital on one venue
/// (or in one user's account) cannot fund a trade on another;</item>
/// <item>APR = (Σ PnL / K) × 365 / D, simple (not compounded);</item>
/// <item>Sharpe = mean(r) / stdev(r) × √365 over the 30 daily returns r_k = (PnL closed in day k) / K, with the
/// sample standard deviation and a zero risk-free rate.</item>
/// </list>
/// A figure is null when nothing closed in its window (or, for Sharpe, when the daily returns do not vary).
/// </summary>
public static class AgentMetricsCalculator
{
    private const int Decimals = 6;

    /// <summary>Computes the metrics from an agent's positions (any status; only CLOSED ones count) at <paramref name="now"/>.</summary>
    public static AgentMetrics Compute(IEnumerable<Position> positions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var closed = positions.Where(p => p.Status == PositionStatus.Closed && p.ClosedAt is not null && p.Pnl is not null).ToList();
        return new AgentMetrics(Apr(closed, now, 30), Apr(closed, now, 90), Sharpe(closed, now, 30));
    }

    /// <summary>The window's capital K: per account (deployment, venue) the peak concurrent collateral, summed.</summary>
    public static decimal Capital(IEnumerable<Position> closedInWindow)
    {
        ArgumentNullException.ThrowIfNull(closedInWindow);
        return closedInWindow.GroupBy(p => (p.DeploymentId, p.Venue)).Sum(g => PeakConcurrent(g));
    }

    private static decimal? Apr(List<Position> closed, DateTimeOffset now, int days)
    {
        var window = InWindow(closed, now, days);
        var capital = Capital(window);
        if (capital <= 0m)
        {
            return null;
        }

        return Math.Round(window.Sum(p => p.Pnl!.Value) / capital * 365m / days, Decimals);
    }

    private static decimal? Sharpe(List<Position> closed, DateTimeOffset now, int days)
    {
        var window = InWindow(closed, now, days);
        var capital = Capital(window);
        if (capital <= 0m)
        {
            return null;
        }

        var daily = new decimal[days];
        foreach (var p in window)
        {
            // Day k holds closes whose age is in [k, k + 1) days; the window check guarantees 0 ≤ k < days.
            var k = (int)((now - p.ClosedAt!.Value).Ticks / TimeSpan.TicksPerDay);
            daily[k] += p.Pnl!.Value / capital;
        }

        var mean = daily.Average();
        var variance = daily.Sum(r => (r - mean) * (r - mean)) / (days - 1);
        if (variance == 0m)
        {
            return null;
        }

        var sharpe = (double)mean / Math.Sqrt((double)variance) * Math.Sqrt(365d);
        return Math.Round((decimal)sharpe, Decimals);
    }

    private static List<Position> InWindow(List<Position> closed, DateTimeOffset now, int days)
    {
        var start = now - TimeSpan.FromDays(days);
        return closed.Where(p => p.ClosedAt > start && p.ClosedAt <= now).ToList();
    }

    private static decimal PeakConcurrent(IEnumerable<Position> account)
    {
        // Closes sort before opens at the same instant: capital freed by a close can fund an open at that moment.
        var events = account
            .SelectMany(p => new[] { (At: p.OpenedAt, Delta: p.CollateralUsd, Order: 1), (At: p.ClosedAt!.Value, Delta: -p.CollateralUsd, Order: 0) })
            .OrderBy(e => e.At).ThenBy(e => e.Order);
        decimal running = 0m, peak = 0m;
        foreach (var e in events)
        {
            running += e.Delta;
            peak = Math.Max(peak, running);
        }

        return peak;
    }
}
