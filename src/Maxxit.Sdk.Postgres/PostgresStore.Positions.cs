using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Postgres.Internal;

namespace Maxxit.Sdk.Postgres;

/// <summary>Positions after they open: reading, trailing state, and closing under a lease.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<Position?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"SELECT {Columns.Position} FROM {sql.Positions} WHERE id = $1");
        cmd.Parameters.Uuid(positionId);
        return await SingleAsync(cmd, Rows.Position, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> ListPositionsAsync(PositionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit < 1)
        {
            throw new MaxxitValidationException("limit", "must be at least 1");
        }

        return RetriedAsync<IReadOnlyList<Position>>(async ct =>
        {
            var where = new List<string>();
            await using var cmd = Command(string.Empty);
            if (query.Status is { } status)
            {
                cmd.Parameters.Text(DbNames.PositionStatus(status));
                where.Add($"p.status = ${cmd.Parameters.Count}");
            }

            if (query.DeploymentId is { } deploymentId)
            {
                cmd.Parameters.Uuid(deploymentId);
                where.Add($"p.deployment_id = ${cmd.Parameters.Count}");
            }

            if (query.SignalId is { } signalId)
            {
                cmd.Parameters.Uuid(signalId);
                where.Add($"p.signal_id = ${cmd.Parameters.Count}");
            }

            if (query.AgentId is { } agentId)
            {
                cmd.Parameters.Uuid(agentId);
                where.Add($"p.deployment_id IN (SELECT id FROM {sql.Deployments} WHERE agent_id = ${cmd.Parameters.Count})");
            }

            cmd.Parameters.Int(query.Limit);
            cmd.CommandText = $"SELECT {Columns.Prefixed(Columns.Position, "p")} FROM {sql.Positions} p {Where(where)} ORDER BY p.opened_at DESC, p.id LIMIT ${cmd.Parameters.Count}";
            return await ListAsync(cmd, Rows.Position, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateTrailingAsync(Guid positionId, TrailingParams trailing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trailing);
        // Only an OPEN position's trailing state moves; for any other status this is a no-op, as in the in-memory store.
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command(
                $"WITH u AS (UPDATE {sql.Positions} SET trailing_params = $2 WHERE id = $1 AND status = 'OPEN' RETURNING 1) "
                + $"SELECT EXISTS (SELECT 1 FROM {sql.Positions} WHERE id = $1)");
            cmd.Parameters.Uuid(positionId).Jsonb(Json.Write(trailing));
            return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!
                ? true
                : throw new MaxxitNotFoundException("position", positionId.ToString(), "position_id");
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> PagePositionsAsync(PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, CancellationToken cancellationToken) =>
        PageAsync(Columns.Position, Rows.Position, status, after, limit, shard, shardCount, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MonitoredPosition>> PageMonitoredPositionsAsync(PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, CancellationToken cancellationToken) =>
        PageAsync(Columns.MonitoredPosition, Rows.MonitoredPosition, status, after, limit, shard, shardCount, cancellationToken);

    /// <summary>One keyset page of the positions in a state, oldest first, read with <paramref name="map"/>.</summary>
    private Task<IReadOnlyList<T>> PageAsync<T>(string columns, Func<Npgsql.NpgsqlDataReader, T> map, PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new MaxxitValidationException("limit", "must be between 1 and 10000");
        }

        if (shardCount < 1 || shard < 0 || shard >= shardCount)
        {
            throw new MaxxitValidationException("shard", "must be in [0, shard count)");
        }

        return RetriedAsync<IReadOnlyList<T>>(async ct =>
        {
            await using var cmd = Command(string.Empty);
            cmd.Parameters.Text(DbNames.PositionStatus(status)).Int(limit);
            var where = "status = $1";
            if (after is { } key)
            {
                cmd.Parameters.Time(key.OpenedAt).Uuid(key.Id);
                where += " AND (opened_at, id) > ($3, $4)";
            }

            if (shardCount > 1)
            {
                cmd.Parameters.Int(shardCount).Int(shard);
                where += $" AND abs(hashtext(id::text) % ${cmd.Parameters.Count - 1}) = ${cmd.Parameters.Count}";
            }

            cmd.CommandText = $"SELECT {columns} FROM {sql.Positions} WHERE {where} ORDER BY opened_at, id LIMIT $2";
            var list = new List<T>(limit);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                list.Add(map(reader));
            }

            return list;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position?> TryBeginCloseAsync(Guid positionId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        CheckLease(lease);
        return OnceAsync(async ct =>
        {
            // The claim's lapse is judged by the database clock, like the executors' claims.
            await using var cmd = Command(
                $"UPDATE {sql.Positions} SET close_attempts = CASE WHEN status = 'OPEN' THEN close_attempts + 1 ELSE close_attempts END, "
                + "close_pending = CASE WHEN status = 'OPEN' THEN false ELSE close_pending END, "
                + "status = 'CLOSING', fence = fence + 1, lease_expires_at = now() + $2 "
                + "WHERE id = $1 AND (status = 'OPEN' OR (status = 'CLOSING' AND lease_expires_at <= now())) "
                + $"RETURNING {Columns.Position}");
            cmd.Parameters.Uuid(positionId).Interval(lease);
            return await SingleAsync(cmd, Rows.Position, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position?> MarkClosePendingAsync(Guid positionId, long fence, DateTimeOffset checkAt, CancellationToken cancellationToken) =>
        OnceAsync(ct => FencedAsync(positionId, "status = 'CLOSING' AND fence = $2", "close_pending = true, lease_expires_at = $3", p => p.Long(fence).Time(checkAt), ct), cancellationToken);

    /// <inheritdoc />
    public Task<Position?> ReopenAsync(Guid positionId, long fence, string reason, CancellationToken cancellationToken) =>
        OnceAsync(ct => FencedAsync(positionId, "status = 'CLOSING' AND fence = $2", "status = 'OPEN', close_pending = false, failure_reason = $3, lease_expires_at = NULL", p => p.Long(fence).Text(reason), ct), cancellationToken);

    /// <inheritdoc />
    public Task<Position?> CompleteCloseAsync(Guid positionId, long fence, PositionClose close, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(close);
        return OnceAsync(
            ct => FencedAsync(
                positionId,
                "status = 'CLOSING' AND fence = $2",
                "status = 'CLOSED', exit_price = $3, pnl = $4, fees_usd = $5, close_reason = $6, closed_at = $7, close_pending = false, lease_expires_at = NULL",
                p => p.Long(fence).Num(close.ExitPrice).Num(close.Pnl).Num(close.FeesUsd).Text(DbNames.CloseReason(close.Reason)).Time(close.ClosedAt),
                ct),
            cancellationToken);
    }
}
