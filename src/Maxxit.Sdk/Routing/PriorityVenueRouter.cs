using System.Diagnostics;
using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Routing.Costs;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Routing;

/// <summary>
/// The router: FIRST_AVAILABLE (the first venue in priority order that lists the token and can take orders) or, when
/// the agent's routing config says so, BEST_EXECUTION (the eligible venue with the lowest expected cost, from the
/// in-memory cost snapshots). Never does I/O.
/// </summary>
public sealed partial class PriorityVenueRouter : IVenueRouter
{
    private readonly string?[] _availableReasons = new string?[Venue.MaxCount + 1];
    private readonly string?[] _failoverReasons = new string?[Venue.MaxCount + 1];
    private readonly IMarketCatalog _catalog;
    private readonly RoutingConfigCache _configs;
    private readonly VenueHealthRegistry _health;
    private readonly MaxxitMetrics _metrics;
    private readonly IMarketStatusVenue?[] _marketStatus = new IMarketStatusVenue?[Venue.MaxCount + 1];
    private readonly VenueCostSnapshots _costs;
    private readonly TimeProvider _time;
    private readonly BestExecutionOptions _options;
    private readonly double _defaultNotional;

    /// <summary>Creates the router without adapters' market hours or cost snapshots (BEST_EXECUTION then ranks by priority).</summary>
    public PriorityVenueRouter(IMarketCatalog catalog, RoutingConfigCache configs, VenueHealthRegistry health, MaxxitMetrics metrics)
        : this(catalog, configs, health, metrics, null, new VenueCostSnapshots(), TimeProvider.System, Options.Create(new BestExecutionOptions()))
    {
    }

    /// <summary>Creates the router.</summary>
    /// <param name="catalog">Market lists.</param>
    /// <param name="configs">Routing configs.</param>
    /// <param name="health">Venue health.</param>
    /// <param name="metrics">Metrics.</param>
    /// <param name="adapters">The adapters in charge; those implementing <see cref="IMarketStatusVenue"/> say when a market is closed.</param>
    /// <param name="costs">The latest cost snapshots (BEST_EXECUTION).</param>
    /// <param name="time">Clock for snapshot ages.</param>
    /// <param name="options">BEST_EXECUTION settings.</param>
    public PriorityVenueRouter(
        IMarketCatalog catalog,
        RoutingConfigCache configs,
        VenueHealthRegistry health,
        MaxxitMetrics metrics,
        VenueAdapterRegistry? adapters,
        VenueCostSnapshots costs,
        TimeProvider time,
        IOptions<BestExecutionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _configs = configs;
        _health = health;
        _metrics = metrics;
        _costs = costs;
        _time = time;
        _options = options.Value;
        _defaultNotional = (double)_options.DefaultNotionalUsd;
        foreach (var adapter in adapters?.Adapters ?? [])
        {
            if (adapter is IMarketStatusVenue status)
            {
                _marketStatus[adapter.Venue.Ordinal] = status;
            }
        }
    }

    /// <inheritdoc />
    public RoutingDecision Route(in RoutingRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var priority = _configs.Resolve(request.AgentId, out var failover, out var strategy);
        if (request.PreferredVenues is { Count: > 0 } preferred)
        {
            priority = preferred as Venue[] ?? [.. preferred];
        }

        var excluded = request.ExcludedVenues is { Count: > 0 } ex ? ExclusionMask(ex) : 0;
        return strategy == RoutingStrategy.BestExecution
            ? RouteBestExecution(request, priority, failover, excluded, started)
            : RouteFirstAvailable(request, priority, failover, excluded, started);
    }

    private RoutingDecision RouteFirstAvailable(in RoutingRequest request, Venue[] priority, bool failover, int excluded, long started)
    {
        int checkedMask = 0, listedMask = 0, noAdapterMask = 0;
        Venue? selected = null;
        string? reason = null;
        var skippedUnhealthy = false;
        var ranking = VenueRanking.Empty;

        foreach (var venue in priority)
        {
            var bit = 1 << venue.Ordinal;
            if ((excluded & bit) != 0)
            {
                continue;
            }

            if (selected is not null)
            {
                // The rest of the ranking, for the executor's failover; the audit's checked venues stay as before.
                if (_catalog.TryGet(venue, request.TokenSymbol, out var next) && CanTrade(venue, next))
                {
                    ranking = ranking.Append(venue);
                }

                continue;
            }

            checkedMask |= bit;
            if (!_health.HasAdapter(venue))
            {
                noAdapterMask |= bit;
                continue;
            }

            if (!_catalog.TryGet(venue, request.TokenSymbol, out var market))
            {
                continue;
            }

            listedMask |= bit;
            var healthy = _health.IsHealthy(venue);
            if (healthy && IsOpen(venue, market))
            {
                selected = venue;
                // Built once per venue and kept: the reason of a plain decision allocates nothing.
                reason = skippedUnhealthy
                    ? _failoverReasons[venue.Ordinal] ??= $"{venue.Name}: pair available (failover)"
                    : _availableReasons[venue.Ordinal] ??= $"{venue.Name}: pair available";
                ranking = ranking.Append(venue);
                if (!failover)
                {
                    break;
                }

                continue;
            }

            if (!failover)
            {
                reason = healthy
                    ? $"{venue.Name}: pair available but market closed; failover disabled"
                    : $"{venue.Name}: pair available but venue unhealthy; failover disabled";
                break;
            }

            skippedUnhealthy = true;
        }

        if (selected is null && reason is null && noAdapterMask != 0)
        {
            reason = NoAdapterReason(request.TokenSymbol, priority, checkedMask, noAdapterMask);
        }

        var duration = Stopwatch.GetElapsedTime(started);
        _metrics.RecordRouting(selected, duration);
        return new RoutingDecision(request.TokenSymbol, reason, priority, new VenueAvailability(checkedMask, listedMask), duration, ranking);
    }

    private bool CanTrade(Venue venue, MarketInfo market) => _health.HasAdapter(venue) && _health.IsHealthy(venue) && IsOpen(venue, market);

    private bool IsOpen(Venue venue, MarketInfo market) =>
        _marketStatus[venue.Ordinal] is not { } status || status.IsMarketOpen(market);

    private static string NoAdapterReason(string token, IReadOnlyList<Venue> priority, int checkedMask, int noAdapterMask) =>
        $"No venue available for {token}. Checked: " + string.Join(", ", priority
            .Where(v => (checkedMask & (1 << v.Ordinal)) != 0)
            .Select(v => (noAdapterMask & (1 << v.Ordinal)) != 0 ? $"{v.Name} (no adapter)" : v.Name));

    private static int ExclusionMask(IReadOnlyList<Venue> excluded)
    {
        var mask = 0;
        for (var i = 0; i < excluded.Count; i++)
        {
            mask |= 1 << excluded[i].Ordinal;
        }

        return mask;
    }
}
