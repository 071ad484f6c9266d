using System.Diagnostics;
using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Routing;

/// <summary>FIRST_AVAILABLE routing: the first venue in priority order that lists the token and can take orders.</summary>
public sealed class PriorityVenueRouter : IVenueRouter
{
    private static readonly string[] AvailableReasons = Enum.GetValues<Venue>().Select(v => $"{v.ToName()}: pair available").ToArray();
    private static readonly string[] FailoverReasons = Enum.GetValues<Venue>().Select(v => $"{v.ToName()}: pair available (failover)").ToArray();
    private readonly IMarketCatalog _catalog;
    private readonly RoutingConfigCache _configs;
    private readonly VenueHealthRegistry _health;
    private readonly MaxxitMetrics _metrics;

    /// <summary>Creates the router.</summary>
    public PriorityVenueRouter(IMarketCatalog catalog, RoutingConfigCache configs, VenueHealthRegistry health, MaxxitMetrics metrics)
    {
        _catalog = catalog;
        _configs = configs;
        _health = health;
        _metrics = metrics;
    }

    /// <inheritdoc />
    public RoutingDecision Route(in RoutingRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var priority = _configs.Resolve(request.AgentId, out var failover);
        if (request.PreferredVenues is { Count: > 0 } preferred)
        {
            priority = preferred as Venue[] ?? [.. preferred];
        }

        var excluded = request.ExcludedVenues is { Count: > 0 } ex ? ExclusionMask(ex) : 0;
        int checkedMask = 0, listedMask = 0, noAdapterMask = 0;
        Venue? selected = null;
        string? reason = null;
        var skippedUnhealthy = false;

        foreach (var venue in priority)
        {
            var bit = 1 << (int)venue;
            if ((excluded & bit) != 0)
            {
                continue;
            }

            checkedMask |= bit;
            if (!_health.HasAdapter(venue))
            {
                noAdapterMask |= bit;
                continue;
            }

            if (!_catalog.TryGet(venue, request.TokenSymbol, out _))
            {
                continue;
            }

            listedMask |= bit;
            if (_health.IsHealthy(venue))
            {
                selected = venue;
                reason = skippedUnhealthy ? FailoverReasons[(int)venue] : AvailableReasons[(int)venue];
                break;
            }

            if (!failover)
            {
                reason = $"{venue.ToName()}: pair available but venue unhealthy; failover disabled";
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
        return new RoutingDecision(request.TokenSymbol, selected, reason, priority, new VenueAvailability(checkedMask, listedMask), duration);
    }

    private static string NoAdapterReason(string token, IReadOnlyList<Venue> priority, int checkedMask, int noAdapterMask) =>
        $"No venue available for {token}. Checked: " + string.Join(", ", priority
            .Where(v => (checkedMask & (1 << (int)v)) != 0)
            .Select(v => (noAdapterMask & (1 << (int)v)) != 0 ? $"{v.ToName()} (no adapter)" : v.ToName()));

    private static int ExclusionMask(IReadOnlyList<Venue> excluded)
    {
        var mask = 0;
        for (var i = 0; i < excluded.Count; i++)
        {
            mask |= 1 << (int)excluded[i];
        }

        return mask;
    }
}
