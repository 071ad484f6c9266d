using Maxxit.Sample.Api.Dashboard.Dtos;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sample.Api.Dashboard;

/// <summary>
/// Builds a <see cref="DashboardSnapshot"/> from the store (counters and a few bounded, indexed reads), the market
/// catalog and the venue registries. Nothing here scans a table: totals come from the store's counters, lists are
/// limited pages.
/// </summary>
public sealed class DashboardSnapshotBuilder
{
    /// <summary>Routing decisions shown as recent activity.</summary>
    public const int ActivityRows = 20;

    /// <summary>Open positions listed.</summary>
    public const int OpenPositionRows = 50;

    /// <summary>Agents shown (newest first).</summary>
    public const int AgentPanels = 12;

    /// <summary>Days of PnL curve per agent.</summary>
    public const int PnlCurveDays = 90;

    /// <summary>
    /// How long the agent list is reused: the store lists every agent (no limit), so many dashboards polling every few
    /// seconds share one listing; an agent's figures are read fresh on every snapshot.
    /// </summary>
    public static readonly TimeSpan AgentListMaxAge = TimeSpan.FromSeconds(5);

    private readonly IMaxxitStore _store;
    private readonly IMarketCatalog _catalog;
    private readonly VenueAdapterRegistry _adapters;
    private readonly VenueHealthRegistry _health;
    private readonly PriceQuotes _prices;
    private readonly SignalFacts _signals;
    private readonly HostActivity _host;
    private readonly TimeProvider _time;
    private volatile AgentList? _agentList;

    /// <summary>Creates the builder.</summary>
    public DashboardSnapshotBuilder(
        IMaxxitStore store,
        IMarketCatalog catalog,
        VenueAdapterRegistry adapters,
        VenueHealthRegistry health,
        PriceQuotes prices,
        SignalFacts signals,
        HostActivity host,
        TimeProvider time)
    {
        _store = store;
        _catalog = catalog;
        _adapters = adapters;
        _health = health;
        _prices = prices;
        _signals = signals;
        _host = host;
        _time = time;
    }

    /// <summary>Takes a snapshot now.</summary>
    public async Task<DashboardSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await _catalog.EnsureFreshAsync(cancellationToken);
        var overview = await _store.GetOverviewAsync(cancellationToken);
        var history = await _store.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: ActivityRows), cancellationToken);
        var open = await _store.ListPositionsAsync(new PositionQuery(Status: PositionStatus.Open, Limit: OpenPositionRows), cancellationToken);
        var closing = await _store.ListPositionsAsync(new PositionQuery(Status: PositionStatus.Closing, Limit: OpenPositionRows), cancellationToken);
        var agents = await NewestAgentsAsync(cancellationToken);
        var agentStats = await _store.GetAgentStatsAsync(agents.Select(a => a.Id).ToList(), DateOnly.FromDateTime(now.UtcDateTime).AddDays(-PnlCurveDays), cancellationToken);

        var positions = new List<OpenPositionView>();
        foreach (var p in open.Concat(closing).OrderByDescending(p => p.OpenedAt).Take(OpenPositionRows))
        {
            positions.Add(await ViewAsync(p, cancellationToken));
        }

        var activity = new List<ActivityRow>();
        foreach (var r in history.History)
        {
            var signal = await _signals.GetAsync(r.SignalId, cancellationToken);
            activity.Add(new ActivityRow(r.SignalId, r.TokenSymbol, signal?.Side, signal?.Confidence, r.SelectedVenue, r.RoutingReason, r.RoutingDurationMs, r.CreatedAt));
        }

        var venues = new List<VenueHealthView>();
        foreach (var adapter in _adapters.Adapters.OrderBy(a => a.Venue))
        {
            venues.Add(new VenueHealthView(
                adapter.Venue,
                AdapterName(adapter),
                _health.IsHealthy(adapter.Venue),
                await _host.HealthDetailAsync(adapter, cancellationToken),
                _catalog.GetMarkets(adapter.Venue).Count));
        }

        return new DashboardSnapshot(
            now,
            new DashboardTotals(
                overview.Agents,
                overview.ActiveAgents,
                overview.Deployments,
                overview.Signals,
                overview.Positions,
                overview.OpenPositions,
                overview.ClosedPositions,
                overview.TotalPnl,
                positions.Sum(p => p.UnrealizedPnl ?? 0m),
                overview.PolicyRejectionsByRule.Values.Sum()),
            Routing(overview.Routing),
            Enum.GetValues<PositionStatus>().OrderBy(LifecycleOrder).Select(s => new PositionStateCount(s, overview.PositionsByStatus.GetValueOrDefault(s))).ToList(),
            positions,
            activity,
            agents.Zip(agentStats, Panel).ToList(),
            _host.Worker(),
            _host.Monitor(overview.PositionsByStatus.GetValueOrDefault(PositionStatus.NeedsReconciliation)),
            venues);
    }

    /// <summary>Where a state sits in the lifecycle, for display: the happy path first, then the end states off it.</summary>
    public static int LifecycleOrder(PositionStatus status) => status switch
    {
        PositionStatus.Reserved => 0,
        PositionStatus.Submitted => 1,
        PositionStatus.PendingFill => 2,
        PositionStatus.Open => 3,
        PositionStatus.Closing => 4,
        PositionStatus.Closed => 5,
        PositionStatus.Cancelled => 6,
        PositionStatus.Failed => 7,
        PositionStatus.NeedsReconciliation => 8,
        _ => 9 + (int)status,
    };

    private static DashboardRouting Routing(RoutingStats stats)
    {
        var summary = stats.Summary;
        var shares = summary.ByVenue.Keys
            .Select(v => new VenueShare(v, summary.Count(v), summary.Percent(v), stats.AvgDurationMsByVenue.GetValueOrDefault(v)))
            .OrderByDescending(s => s.Trades).ThenBy(s => s.Venue)
            .ToList();
        return new DashboardRouting(summary.Total, summary.NoVenue, stats.AvgDurationMs, shares);
    }

    private static AgentPanel Panel(Agent agent, AgentStats stats)
    {
        var cumulative = 0m;
        var curve = stats.DailyPnl.Select(d => new PnlPoint(d.Day, d.Pnl, cumulative += d.Pnl)).ToList();
        return new AgentPanel(
            agent.Id,
            agent.Name,
            agent.Status,
            stats.Signals,
            PositionStatusCounts.Total(stats.PositionsByStatus),
            stats.PositionsByStatus.GetValueOrDefault(PositionStatus.Open) + stats.PositionsByStatus.GetValueOrDefault(PositionStatus.Closing),
            stats.RealizedPnl,
            agent.Metrics.Apr30d,
            agent.Metrics.Apr90d,
            agent.Metrics.Sharpe30d,
            curve);
    }

    private async Task<IReadOnlyList<Agent>> NewestAgentsAsync(CancellationToken cancellationToken)
    {
        if (_agentList is { } cached && _time.GetElapsedTime(cached.At) < AgentListMaxAge)
        {
            return cached.Agents;
        }

        var agents = (await _store.ListAgentsAsync(new AgentQuery(), cancellationToken)).Take(AgentPanels).ToList();
        _agentList = new AgentList(agents, _time.GetTimestamp());
        return agents;
    }

    private static string AdapterName(IVenueAdapter adapter) =>
        adapter.GetType().Name switch
        {
            "PaperVenueAdapter" => "paper",
            "DisabledVenueAdapter" => "disabled",
            var name => name.EndsWith("Venue", StringComparison.Ordinal) ? name[..^"Venue".Length].ToLowerInvariant() : name,
        };

    private async Task<OpenPositionView> ViewAsync(Position p, CancellationToken cancellationToken)
    {
        var price = await _prices.GetAsync(p.Venue, p.TokenSymbol, cancellationToken);
        decimal? pnl = price is { } current ? PositionPnl.Realized(p, current, 0m) : null;
        var notional = p.EntryPrice * p.Quantity;
        decimal? pct = pnl is { } v && notional > 0 ? Math.Round(100m * v / notional, 2) : null;
        var (stop, kind) = StopOf(p);
        return new OpenPositionView(p.Id, p.Venue, p.TokenSymbol, p.Side, p.Status, p.Quantity, p.EntryPrice, price, pnl, pct, stop, kind, p.OpenedAt);
    }

    // The level the monitor closes at first on an adverse move: the tighter of the stop-loss and the trailing stop.
    private static (decimal? Level, string? Kind) StopOf(Position p)
    {
        var trailing = PositionTriggers.TrailingStopPrice(p);
        if (p.StopLoss is not { } sl)
        {
            return (trailing, trailing is null ? null : "trailing-stop");
        }

        if (trailing is not { } t)
        {
            return (sl, "stop-loss");
        }

        var trailingTighter = p.Side == TradeSide.Long ? t > sl : t < sl;
        return trailingTighter ? (t, "trailing-stop") : (sl, "stop-loss");
    }

    private sealed record AgentList(IReadOnlyList<Agent> Agents, long At);
}
