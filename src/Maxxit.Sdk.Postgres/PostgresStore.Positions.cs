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
    public Task<Position?> TryBeginCloseAsync(Guid positionId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        CheckLease(lease);
        return OnceAsync(async ct =>
        {
            await using var cmd = Command(
                $"UPDATE {sql.Positions} SET status = 'CLOSING', lease_expires_at = $2 "
                + "WHERE id = $1 AND (status = 'OPEN' OR (status = 'CLOSING' AND lease_expires_at <= $3)) "
                + $"RETURNING {Columns.Position}");
            cmd.Parameters.Uuid(positionId).Time(now + lease).Time(now);
            return await SingleAsync(cmd, Rows.Position, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position> CompleteCloseAsync(Guid positionId, PositionClose close, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(close);
        return OnceAsync(
            ct => UpdateInStatusAsync(
                positionId,
                PositionStatus.Closing,
                "status = 'CLOSED', exit_price = $2, pnl = $3, fees_usd = $4, close_reason = $5, closed_at = $6, lease_expires_at = NULL",
                p => p.Num(close.ExitPrice).Num(close.Pnl).Num(close.FeesUsd).Text(DbNames.CloseReason(close.Reason)).Time(close.ClosedAt),
                ct),
            cancellationToken);
    }
}
