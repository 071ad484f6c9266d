using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>Routing configs, routing history and the overview figures.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RoutingConfig>> ListRoutingConfigsAsync(CancellationToken cancellationToken) => RetriedAsync<IReadOnlyList<RoutingConfig>>(async ct =>
    {
        await using var cmd = Command($"SELECT {Columns.RoutingConfig} FROM {sql.Configs} ORDER BY agent_id NULLS FIRST");
        var configs = await ListAsync(cmd, Rows.RoutingConfig, ct).ConfigureAwait(false);
        if (configs.Count == 0 || configs[0].AgentId is not null)
        {
            // The migration inserts the global default; if an operator deleted it, routing still has one.
            configs.Insert(0, RoutingConfig.GlobalDefault);
        }

        return configs;
    }, cancellationToken);

    /// <inheritdoc />
    public Task UpsertRoutingConfigAsync(RoutingConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.VenuePriority is null || config.VenuePriority.Count == 0)
        {
            throw new MaxxitValidationException("venue_priority", "must list at least one venue");
        }

        var priority = config.VenuePriority.Select(v => DbNames.Venue(v, "venue_priority")).ToArray();
        var conflict = config.AgentId is null ? "((agent_id IS NULL)) WHERE agent_id IS NULL" : "(agent_id) WHERE agent_id IS NOT NULL";
        // Replacing a config with the same values is harmless, so this write is retried.
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command(
                $"INSERT INTO {sql.Configs} (id, agent_id, venue_priority, routing_strategy, failover_enabled) VALUES ($1, $2, $3{sql.VenueArray}, $4, $5) "
                + $"ON CONFLICT {conflict} DO UPDATE SET id = EXCLUDED.id, venue_priority = EXCLUDED.venue_priority, "
                + "routing_strategy = EXCLUDED.routing_strategy, failover_enabled = EXCLUDED.failover_enabled, updated_at = now()");
            cmd.Parameters.Uuid(config.Id).Uuid(config.AgentId).TextArray(priority).Text(DbNames.Strategy(config.Strategy)).Bool(config.FailoverEnabled);
            try
            {
                return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (PgErrors.Map(ex, ("agent_id", config.AgentId)) is { } mapped)
            {
                throw mapped;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RoutingHistoryPage> GetRoutingHistoryAsync(RoutingHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit < 1)
        {
            throw new MaxxitValidationException("limit", "must be at least 1");
        }

        return RetriedAsync(async ct =>
        {
            var where = new List<string>();
            var page = new NpgsqlBatchCommand();
            var summary = new NpgsqlBatchCommand();
            if (query.TokenSymbol is not null)
            {
                page.Parameters.Text(query.TokenSymbol);
                summary.Parameters.Text(query.TokenSymbol);
                where.Add($"token_symbol = ${page.Parameters.Count}");
            }

            if (query.SelectedVenue is { } venue)
            {
                page.Parameters.Text(DbNames.Venue(venue, "venue"));
                summary.Parameters.Text(DbNames.Venue(venue, "venue"));
                where.Add($"selected_venue = ${page.Parameters.Count}{sql.Venue}");
            }

            page.Parameters.Int(query.Limit);
            page.CommandText = $"SELECT {Columns.Routing} FROM {sql.History} {Where(where)} ORDER BY created_at DESC, id DESC LIMIT ${page.Parameters.Count}";
            summary.CommandText = $"SELECT selected_venue::text, count(*)::int FROM {sql.History} {Where(where)} GROUP BY selected_venue";

            // Both queries in one round trip.
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(page);
            batch.BatchCommands.Add(summary);
            await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var history = new List<RoutingRecord>();
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                history.Add(Rows.Routing(r));
            }

            await r.NextResultAsync(ct).ConfigureAwait(false);
            return new RoutingHistoryPage(history, await ReadSummaryAsync(r, ct).ConfigureAwait(false));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            SELECT (SELECT count(*)::int FROM {sql.Agents}),
                   (SELECT count(*)::int FROM {sql.Agents} WHERE status = 'ACTIVE'),
                   (SELECT count(*)::int FROM {sql.Deployments}),
                   (SELECT count(*)::int FROM {sql.Signals}),
                   (SELECT count(*)::int FROM {sql.Positions} WHERE status NOT IN ('FAILED', 'CANCELLED')),
                   (SELECT count(*)::int FROM {sql.Positions} WHERE status IN ('OPEN', 'CLOSING')),
                   (SELECT count(*)::int FROM {sql.Positions} WHERE status = 'CLOSED'),
                   (SELECT coalesce(sum(coalesce(pnl, 0)), 0) FROM {sql.Positions} WHERE status = 'CLOSED'),
                   (SELECT coalesce(avg(routing_duration_ms), 0) FROM {sql.History})
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT selected_venue::text, count(*)::int FROM {sql.History} GROUP BY selected_venue"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT coalesce(rejected_by, 'unknown'), count(*)::int FROM {sql.Policies} WHERE outcome = 'REJECTED' GROUP BY 1"));

        // Three queries, one round trip.
        await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await r.ReadAsync(ct).ConfigureAwait(false);
        var (agents, active, deployments, signals, positions, open, closed, pnl, avgMs) =
            (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetDecimal(7), r.GetDouble(8));
        await r.NextResultAsync(ct).ConfigureAwait(false);
        var summary = await ReadSummaryAsync(r, ct).ConfigureAwait(false);
        await r.NextResultAsync(ct).ConfigureAwait(false);
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            rejections[r.GetString(0)] = r.GetInt32(1);
        }

        return new OverviewStats
        {
            Agents = agents,
            ActiveAgents = active,
            Deployments = deployments,
            Signals = signals,
            Positions = positions,
            OpenPositions = open,
            ClosedPositions = closed,
            TotalPnl = pnl,
            Routing = new RoutingStats(summary, avgMs),
            PolicyRejectionsByRule = rejections,
        };
    }, cancellationToken);

    private static async Task<RoutingSummary> ReadSummaryAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var byVenue = new Dictionary<Venue, int>();
        int total = 0, none = 0;
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var n = r.GetInt32(1);
            total += n;
            if (r.IsDBNull(0))
            {
                none += n;
            }
            else
            {
                byVenue[DbNames.ParseVenue(r.GetString(0))] = n;
            }
        }

        return new RoutingSummary(total, byVenue, none);
    }
}
