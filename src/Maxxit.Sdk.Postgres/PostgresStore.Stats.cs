using System.Globalization;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Stats;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>
/// The overview, the routing summary and the per-agent figures, read from <c>stats_counters_v3</c> (migration 005):
/// triggers keep it in the same transaction as the rows, so each read is a few primary-key range scans over at most
/// a few hundred counter rows, whatever the size of the tables.
/// </summary>
public sealed partial class PostgresStore
{
    private static readonly string[] OverviewMetrics = ["agents", "deployments", "signals", "positions", "routing", "policy_rejected"];
    private static readonly string[] AgentMetrics = ["agent_signals", "agent_positions"];
    private string? countersTable;

    private string Counters => countersTable ??= schema.Qualify("stats_counters_v3");

    /// <inheritdoc />
    public Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"SELECT metric, key, sum(n)::bigint, sum(amount) FROM {Counters} WHERE metric = ANY($1) AND scope = '' GROUP BY metric, key");
        cmd.Parameters.TextArray(OverviewMetrics);
        int agents = 0, active = 0, deployments = 0, signals = 0;
        decimal pnl = 0m, routingMs = 0m;
        var positions = new List<KeyValuePair<PositionStatus, int>>();
        var routing = new List<(string Venue, int N)>();
        var routingMsByVenue = new Dictionary<Venue, double>();
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var (metric, key, n, amount) = (r.GetString(0), r.GetString(1), checked((int)r.GetInt64(2)), r.GetDecimal(3));
            switch (metric)
            {
                case "agents":
                    agents += n;
                    active += key == "ACTIVE" ? n : 0;
                    break;
                case "deployments":
                    deployments += n;
                    break;
                case "signals":
                    signals += n;
                    break;
                case "positions":
                    var status = DbNames.ParsePositionStatus(key);
                    positions.Add(new(status, n));
                    pnl += status == PositionStatus.Closed ? amount : 0m;
                    break;
                case "routing":
                    routing.Add((key, n));
                    routingMs += amount;
                    if (key.Length > 0 && n != 0)
                    {
                        routingMsByVenue[DbNames.ParseVenue(key)] = (double)(amount / n);
                    }

                    break;
                case "policy_rejected" when n != 0:
                    rejections[key] = n;
                    break;
            }
        }

        var byStatus = PositionStatusCounts.Complete(positions);
        var summary = Summary(routing);
        return new OverviewStats
        {
            Agents = agents,
            ActiveAgents = active,
            Deployments = deployments,
            Signals = signals,
            Positions = PositionStatusCounts.Total(byStatus),
            OpenPositions = PositionStatusCounts.Open(byStatus),
            ClosedPositions = PositionStatusCounts.Closed(byStatus),
            PositionsByStatus = byStatus,
            TotalPnl = pnl,
            Routing = new RoutingStats(summary, summary.Total == 0 ? 0 : (double)(routingMs / summary.Total)) { AvgDurationMsByVenue = routingMsByVenue },
            PolicyRejectionsByRule = rejections,
        };
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentStats>> GetAgentStatsAsync(IReadOnlyList<Guid> agentIds, DateOnly pnlSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentIds);
        if (agentIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AgentStats>>([]);
        }

        return RetriedAsync<IReadOnlyList<AgentStats>>(async ct =>
        {
            var scopes = agentIds.Select(id => id.ToString()).ToArray();
            await using var batch = dataSource.CreateBatch();
            var totals = new NpgsqlBatchCommand($"SELECT metric, scope, key, sum(n)::bigint, sum(amount) FROM {Counters} WHERE metric = ANY($1) AND scope = ANY($2) GROUP BY metric, scope, key");
            totals.Parameters.TextArray(AgentMetrics).TextArray(scopes);
            var days = new NpgsqlBatchCommand($"SELECT scope, key, sum(n)::bigint, sum(amount) FROM {Counters} WHERE metric = 'agent_pnl_day' AND scope = ANY($1) AND key >= $2 GROUP BY scope, key ORDER BY key");
            days.Parameters.TextArray(scopes).Text(DayKey(pnlSince));
            batch.BatchCommands.Add(totals);
            batch.BatchCommands.Add(days);

            var signals = new Dictionary<string, int>(StringComparer.Ordinal);
            var positions = new Dictionary<string, List<KeyValuePair<PositionStatus, int>>>(StringComparer.Ordinal);
            var realized = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var daily = new Dictionary<string, List<DailyPnl>>(StringComparer.Ordinal);
            await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var (metric, scope, key, n, amount) = (r.GetString(0), r.GetString(1), r.GetString(2), checked((int)r.GetInt64(3)), r.GetDecimal(4));
                if (metric == "agent_signals")
                {
                    signals[scope] = n;
                    continue;
                }

                var status = DbNames.ParsePositionStatus(key);
                Add(positions, scope, new KeyValuePair<PositionStatus, int>(status, n));
                if (status == PositionStatus.Closed)
                {
                    realized[scope] = amount;
                }
            }

            await r.NextResultAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var n = checked((int)r.GetInt64(2));
                if (n != 0)
                {
                    var day = DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    Add(daily, r.GetString(0), new DailyPnl(day, n, r.GetDecimal(3)));
                }
            }

            return scopes.Select((scope, i) => new AgentStats(
                agentIds[i],
                signals.GetValueOrDefault(scope),
                PositionStatusCounts.Complete(positions.GetValueOrDefault(scope) ?? []),
                realized.GetValueOrDefault(scope),
                daily.GetValueOrDefault(scope) ?? [])).ToList();
        }, cancellationToken);
    }

    /// <summary>The routing summary over the decisions matching a token and/or a venue, from the counters.</summary>
    private NpgsqlBatchCommand RoutingSummaryCommand(string? token, Venue? venue)
    {
        var filter = venue is null ? string.Empty : " AND key = $3";
        var cmd = new NpgsqlBatchCommand($"SELECT key, sum(n)::bigint FROM {Counters} WHERE metric = $1 AND scope = $2{filter} GROUP BY key");
        cmd.Parameters.Text(token is null ? "routing" : "routing_token").Text(token ?? string.Empty);
        if (venue is { } v)
        {
            cmd.Parameters.Text(DbNames.Venue(v, "venue"));
        }

        return cmd;
    }

    private static async Task<RoutingSummary> ReadRoutingSummaryAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var rows = new List<(string Venue, int N)>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add((r.GetString(0), checked((int)r.GetInt64(1))));
        }

        return Summary(rows);
    }

    private static RoutingSummary Summary(List<(string Venue, int N)> rows)
    {
        var byVenue = new Dictionary<Venue, int>();
        int total = 0, none = 0;
        foreach (var (venue, n) in rows)
        {
            total += n;
            if (venue.Length == 0)
            {
                none += n;
            }
            else if (n != 0)
            {
                byVenue[DbNames.ParseVenue(venue)] = n;
            }
        }

        return new RoutingSummary(total, byVenue, none);
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T item)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(item);
    }
}
