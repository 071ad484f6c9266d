using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Storage;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>The executor's writes: reservation, no-trade records, order outcomes, and the policy state query.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<ReservationResult> ReserveExecutionAsync(ExecutionReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(reservation.Position);
        ArgumentNullException.ThrowIfNull(reservation.Routing);
        ArgumentNullException.ThrowIfNull(reservation.Policy);
        var position = reservation.Position;
        return OnceAsync(async ct =>
        {
            int inserted;
            await using (var cmd = Command(sql.Reserve))
            {
                BindPosition(cmd.Parameters, position);
                BindRouting(cmd.Parameters, reservation.Routing);
                BindPolicy(cmd.Parameters, reservation.Policy);
                try
                {
                    inserted = (int)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
                }
                catch (PostgresException ex) when (PgErrors.Map(ex, ("signal_id", position.SignalId), ("deployment_id", position.DeploymentId)) is { } mapped)
                {
                    throw mapped;
                }
            }

            if (inserted == 1)
            {
                return new ReservationResult(position, IsNew: true);
            }

            await using var existing = Command($"SELECT {Columns.Position} FROM {sql.Positions} WHERE signal_id = $1 AND deployment_id = $2");
            existing.Parameters.Uuid(position.SignalId).Uuid(position.DeploymentId);
            var found = await SingleAsync(existing, Rows.Position, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"reservation of signal {position.SignalId} deployment {position.DeploymentId} conflicted but no position was found");
            return new ReservationResult(found, IsNew: false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordNoTradeAsync(RoutingRecord? routing, PolicyRecord? policy, CancellationToken cancellationToken)
    {
        if (routing is null && policy is null)
        {
            return Task.CompletedTask;
        }

        return OnceAsync(async ct =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            // A lone audit row is one statement (one round trip, the durable routing path); with a policy record too,
            // both go in one transaction so that neither is written without the other.
            await using var tx = routing is not null && policy is not null ? await conn.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
            try
            {
                if (routing is not null)
                {
                    await using var cmd = new NpgsqlCommand(sql.InsertRouting, conn, tx);
                    BindRouting(cmd.Parameters, routing);
                    if (await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                    {
                        throw await MissingOfAsync(conn, tx, routing.SignalId, routing.DeploymentId, ct).ConfigureAwait(false);
                    }
                }

                if (policy is not null)
                {
                    await using var cmd = new NpgsqlCommand(sql.UpsertPolicy, conn, tx);
                    BindPolicy(cmd.Parameters, policy);
                    await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            }
            catch (PostgresException ex) when (PgErrors.Map(ex, ("signal_id", routing?.SignalId ?? policy?.SignalId), ("deployment_id", routing?.DeploymentId ?? policy?.DeploymentId)) is { } mapped)
            {
                throw mapped;
            }

            if (tx is not null)
            {
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordSubmissionAsync(Guid positionId, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionId);
        return RetriedAsync(ct => UpdateOpeningAsync(positionId, "submission_id = $2", p => p.Text(submissionId), ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position> CompleteOpenAsync(Guid positionId, PositionFill fill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fill);
        // Not retried: after a lost acknowledgement the retry would find the position OPEN already and report a state error.
        return OnceAsync(
            ct => UpdateOpeningAsync(
                positionId,
                "status = 'OPEN', venue_order_id = $2, qty = $3, entry_price = $4, leverage = $5, collateral_usd = $6, fees_usd = $7, stop_loss = $8, take_profit = $9, trailing_params = $10",
                p => p.Text(fill.VenueOrderId).Num(fill.Quantity).Num(fill.EntryPrice).Num(fill.Leverage).Num(fill.CollateralUsd).Num(fill.FeesUsd)
                    .Num(fill.StopLoss).Num(fill.TakeProfit).Jsonb(fill.Trailing is null ? null : Json.Write(fill.Trailing)),
                ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task FailOpenAsync(Guid positionId, string reason, CancellationToken cancellationToken) =>
        OnceAsync(ct => UpdateOpeningAsync(positionId, "status = 'FAILED', failure_reason = $2", p => p.Text(reason), ct), cancellationToken);

    /// <inheritdoc />
    public Task<PolicyState> GetPolicyStateAsync(Guid deploymentId, string tokenSymbol, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenSymbol);
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command($"""
                SELECT count(*) FILTER (WHERE status IN ('RESERVED', 'OPEN', 'CLOSING'))::int,
                       coalesce(sum(qty * entry_price) FILTER (WHERE status IN ('RESERVED', 'OPEN', 'CLOSING')), 0),
                       coalesce(sum(qty * entry_price) FILTER (WHERE status IN ('RESERVED', 'OPEN', 'CLOSING') AND token_symbol = $2), 0),
                       max(opened_at) FILTER (WHERE token_symbol = $2 AND status <> 'FAILED'),
                       count(*) FILTER (WHERE opened_at >= $3 AND status <> 'FAILED')::int
                FROM {sql.Positions} WHERE deployment_id = $1
                """);
            cmd.Parameters.Uuid(deploymentId).Text(tokenSymbol).Time(dayStart);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await r.ReadAsync(ct).ConfigureAwait(false);
            return new PolicyState(r.GetInt32(0), r.GetDecimal(1), r.GetDecimal(2), r.IsDBNull(3) ? null : Rows.Time(r, 3), r.GetInt32(4));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PolicyRecord?> GetPolicyRecordAsync(Guid signalId, Guid deploymentId, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"SELECT {Columns.Policy} FROM {sql.Policies} WHERE signal_id = $1 AND deployment_id = $2");
        cmd.Parameters.Uuid(signalId).Uuid(deploymentId);
        return await SingleAsync(cmd, Rows.Policy, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <summary>Which id of an audit row did not exist: the signal, else the deployment.</summary>
    private async Task<MaxxitNotFoundException> MissingOfAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid signalId, Guid? deploymentId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {sql.Signals} WHERE id = $1)", conn, tx);
        cmd.Parameters.Uuid(signalId);
        return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!
            ? new MaxxitNotFoundException("deployment", deploymentId?.ToString() ?? "?", "deployment_id")
            : new MaxxitNotFoundException("signal", signalId.ToString(), "signal_id");
    }

    /// <summary>Updates an OPENING position; another status is a state error, a missing row a not-found error.</summary>
    private Task<Position> UpdateOpeningAsync(Guid positionId, string set, Action<NpgsqlParameterCollection> bind, CancellationToken ct) =>
        UpdateInStatusAsync(positionId, PositionStatus.Reserved, set, bind, ct);

    private async Task<Position> UpdateInStatusAsync(Guid positionId, PositionStatus expected, string set, Action<NpgsqlParameterCollection> bind, CancellationToken ct)
    {
        await using (var cmd = Command($"UPDATE {sql.Positions} SET {set} WHERE id = $1 AND status = '{DbNames.PositionStatus(expected)}' RETURNING {Columns.Position}"))
        {
            cmd.Parameters.Uuid(positionId);
            bind(cmd.Parameters);
            try
            {
                if (await SingleAsync(cmd, Rows.Position, ct).ConfigureAwait(false) is { } updated)
                {
                    return updated;
                }
            }
            catch (PostgresException ex) when (PgErrors.Map(ex) is { } mapped)
            {
                throw mapped;
            }
        }

        await using var status = Command($"SELECT status FROM {sql.Positions} WHERE id = $1");
        status.Parameters.Uuid(positionId);
        return await status.ExecuteScalarAsync(ct).ConfigureAwait(false) is string current
            ? throw new InvalidOperationException($"position {positionId} is {DbNames.ParsePositionStatus(current)}, not {expected}")
            : throw new MaxxitNotFoundException("position", positionId.ToString(), "position_id");
    }

    private static void BindPosition(NpgsqlParameterCollection p, Position x) =>
        p.Uuid(x.Id).Uuid(x.DeploymentId).Uuid(x.SignalId).Text(DbNames.Venue(x.Venue, "venue")).Text(x.TokenSymbol).Text(DbNames.Side(x.Side))
            .Num(x.Quantity).Num(x.EntryPrice).Num(x.SizePercent).Num(x.Leverage).Num(x.CollateralUsd).Num(x.StopLoss).Num(x.TakeProfit)
            .Jsonb(x.Trailing is null ? null : Json.Write(x.Trailing)).Text(DbNames.PositionStatus(x.Status)).Num(x.Pnl).Num(x.FeesUsd).Num(x.ExitPrice)
            .Text(x.CloseReason is { } c ? DbNames.CloseReason(c) : null).Text(x.ClientOrderId).Text(x.VenueOrderId).Text(x.SubmissionId).Text(x.FailureReason)
            .Time(x.LeaseExpiresAt).Time(x.OpenedAt).Time(x.ClosedAt);

    private static void BindRouting(NpgsqlParameterCollection p, RoutingRecord r)
    {
        ArgumentNullException.ThrowIfNull(r.CheckedVenues, "checked_venues");
        ArgumentNullException.ThrowIfNull(r.VenueAvailability, "venue_availability");
        if (!double.IsFinite(r.RoutingDurationMs))
        {
            throw new MaxxitValidationException("routing_duration_ms", "must be a finite number");
        }

        var checkedVenues = new string[r.CheckedVenues.Count];
        for (var i = 0; i < checkedVenues.Length; i++)
        {
            checkedVenues[i] = DbNames.Venue(r.CheckedVenues[i], "checked_venues");
        }

        p.Uuid(r.Id).Uuid(r.SignalId).Uuid(r.DeploymentId).Text(r.TokenSymbol).Text(DbNames.Venue(r.RequestedVenue, "requested_venue"))
            .Text(r.SelectedVenue is { } v ? DbNames.Venue(v, "selected_venue") : null).Text(r.RoutingReason).TextArray(checkedVenues)
            .Jsonb(RoutingAvailabilityJson.Write(r)).Double(r.RoutingDurationMs).Time(r.CreatedAt);
    }

    private static void BindPolicy(NpgsqlParameterCollection p, PolicyRecord r) =>
        p.Uuid(r.SignalId).Uuid(r.DeploymentId).Text(DbNames.Outcome(r.Outcome)).Jsonb(Json.Write(r.Adjustments ?? [])).Text(r.RejectedBy).Text(r.Reason).Time(r.CreatedAt);
}
