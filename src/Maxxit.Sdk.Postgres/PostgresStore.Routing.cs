using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>Routing configs and routing history.</summary>
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
            if (query.TokenSymbol is not null)
            {
                page.Parameters.Text(query.TokenSymbol);
                where.Add($"token_symbol = ${page.Parameters.Count}");
            }

            if (query.SelectedVenue is { } venue)
            {
                page.Parameters.Text(DbNames.Venue(venue, "venue"));
                where.Add($"selected_venue = ${page.Parameters.Count}{sql.Venue}");
            }

            page.Parameters.Int(query.Limit);
            page.CommandText = $"SELECT {Columns.Routing} FROM {sql.History} {Where(where)} ORDER BY created_at DESC, id DESC LIMIT ${page.Parameters.Count}";

            // The summary comes from the counters (PostgresStore.Stats.cs), not from a GROUP BY over the matching
            // rows; both queries in one round trip.
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(page);
            batch.BatchCommands.Add(RoutingSummaryCommand(query.TokenSymbol, query.SelectedVenue));
            await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var history = new List<RoutingRecord>();
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                history.Add(Rows.Routing(r));
            }

            await r.NextResultAsync(ct).ConfigureAwait(false);
            return new RoutingHistoryPage(history, await ReadRoutingSummaryAsync(r, ct).ConfigureAwait(false));
        }, cancellationToken);
    }
}
