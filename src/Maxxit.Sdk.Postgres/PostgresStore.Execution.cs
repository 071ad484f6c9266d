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
    private const string Live = "'RESERVED', 'SUBMITTED', 'PENDING_FILL', 'OPEN', 'CLOSING'";

    // An order in flight counts at the notional it is meant to open until its fill is known.
    private const string Notional = "CASE WHEN status IN ('RESERVED', 'SUBMITTED', 'PENDING_FILL') THEN intended_notional ELSE qty * entry_price END";

    /// <inheritdoc />
    public Task<IReadOnlyList<ReservationResult>> ReserveExecutionsAsync(IReadOnlyList<ExecutionReservation> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        foreach (var r in reservations)
        {
            ArgumentNullException.ThrowIfNull(r);
            ArgumentNullException.ThrowIfNull(r.Position);
            ArgumentNullException.ThrowIfNull(r.Routing);
            ArgumentNullException.ThrowIfNull(r.Policy);
        }

        if (reservations.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ReservationResult>>([]);
        }

        return OnceAsync<IReadOnlyList<ReservationResult>>(async ct =>
        {
            // One batch: one round trip and one implicit transaction for the whole fan-out. A reservation under a
            // stateful policy first takes its deployment's advisory lock (held until commit); locks are taken in
            // deployment order, so two hosts reserving for the same deployments cannot deadlock.
            var order = Enumerable.Range(0, reservations.Count).OrderBy(i => reservations[i].Position.DeploymentId).ToArray();
            var rows = new (int Inserted, bool FenceOk, bool VersionOk)[reservations.Count];
            await using (var batch = dataSource.CreateBatch())
            {
                var reads = new List<int>(reservations.Count);
                foreach (var i in order)
                {
                    var reservation = reservations[i];
                    var position = reservation.Position;
                    if (reservation.PolicyStateVersion is not null)
                    {
                        var lockCmd = new NpgsqlBatchCommand(sql.LockDeployment);
                        lockCmd.Parameters.Text(position.DeploymentId.ToString());
                        batch.BatchCommands.Add(lockCmd);
                        reads.Add(-1);
                    }

                    var reserve = new NpgsqlBatchCommand(sql.Reserve);
                    BindPosition(reserve.Parameters, position);
                    reserve.Parameters.Long(position.Fence).Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = (object?)reservation.PolicyStateVersion ?? DBNull.Value });
                    reserve.Parameters.Num(position.IntendedNotionalUsd);
                    BindRouting(reserve.Parameters, reservation.Routing);
                    BindPolicy(reserve.Parameters, reservation.Policy);
                    batch.BatchCommands.Add(reserve);
                    reads.Add(i);
                }

                try
                {
                    await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    for (var k = 0; k < reads.Count; k++)
                    {
                        if (k > 0)
                        {
                            await r.NextResultAsync(ct).ConfigureAwait(false);
                        }

                        if (reads[k] >= 0)
                        {
                            await r.ReadAsync(ct).ConfigureAwait(false);
                            rows[reads[k]] = (r.GetInt32(0), r.GetBoolean(1), r.GetBoolean(2));
                        }
                    }
                }
                catch (PostgresException ex) when (PgErrors.Map(ex, ("signal_id", reservations[0].Position.SignalId), ("deployment_id", DeploymentOf(ex, batch, reads, reservations))) is { } mapped)
                {
                    throw mapped;
                }
            }

            var results = new ReservationResult[reservations.Count];
            for (var i = 0; i < reservations.Count; i++)
            {
                var position = reservations[i].Position;
                var (inserted, fenceOk, versionOk) = rows[i];
                results[i] = inserted == 1
                    ? new ReservationResult(ReservationStatus.Reserved, position)
                    : await NotReservedAsync(position, fenceOk, versionOk, ct).ConfigureAwait(false);
            }

            return results;
        }, cancellationToken);
    }

    private static Guid DeploymentOf(PostgresException ex, NpgsqlBatch batch, List<int> reads, IReadOnlyList<ExecutionReservation> reservations) =>
        ex.BatchCommand is { } c && batch.BatchCommands.IndexOf(c) is var k and >= 0 && reads[k] >= 0 ? reservations[reads[k]].Position.DeploymentId : reservations[0].Position.DeploymentId;

    private async Task<ReservationResult> NotReservedAsync(Position position, bool fenceOk, bool versionOk, CancellationToken ct)
    {
        await using var existing = Command($"SELECT {Columns.Position} FROM {sql.Positions} WHERE signal_id = $1 AND deployment_id = $2");
        existing.Parameters.Uuid(position.SignalId).Uuid(position.DeploymentId);
        if (await SingleAsync(existing, Rows.Position, ct).ConfigureAwait(false) is { } found)
        {
            return new ReservationResult(ReservationStatus.Existing, found);
        }

        if (!fenceOk)
        {
            await using var known = Command($"SELECT EXISTS (SELECT 1 FROM {sql.Signals} WHERE id = $1)");
            known.Parameters.Uuid(position.SignalId);
            return (bool)(await known.ExecuteScalarAsync(ct).ConfigureAwait(false))!
                ? new ReservationResult(ReservationStatus.ClaimLost, null)
                : throw new MaxxitNotFoundException("signal", position.SignalId.ToString(), "signal_id");
        }

        return versionOk
            ? throw new InvalidOperationException($"reservation of signal {position.SignalId} deployment {position.DeploymentId} wrote nothing and no position was found")
            : new ReservationResult(ReservationStatus.PolicyStateChanged, null);
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
                    if (await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0 && !await RoutedAsync(conn, tx, routing, ct).ConfigureAwait(false))
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
    public Task<Position?> BeginSubmitAsync(Guid positionId, long signalFence, DateTimeOffset now, CancellationToken cancellationToken) =>
        OnceAsync(ct => FencedAsync(positionId, sql.BeginSubmitCondition, "status = 'SUBMITTED', fence = fence + 1, lease_expires_at = NULL", p => p.Long(signalFence), ct), cancellationToken);

    /// <inheritdoc />
    public Task<Position?> FailOverAsync(Guid positionId, long fence, Venue venue, RoutingRecord routing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routing);
        return OnceAsync(async ct =>
        {
            // One statement: the audit row is rewritten only when the position moved under this fence.
            await using var cmd = Command($"""
                WITH p AS (
                    UPDATE {sql.Positions} SET status = 'RESERVED', venue = $14{sql.Venue}, submission_id = NULL
                    WHERE id = $12 AND status = 'SUBMITTED' AND fence = $13
                    RETURNING {Columns.Position}),
                h AS (
                    UPDATE {sql.History} h SET selected_venue = $6{sql.Venue}, routing_reason = $7, checked_venues = $8{sql.VenueArray}, venue_availability = $9, routing_duration_ms = $10
                    FROM p WHERE h.signal_id = p.signal_id AND h.deployment_id = p.deployment_id)
                SELECT * FROM p
                """);
            BindRouting(cmd.Parameters, routing);
            cmd.Parameters.Uuid(positionId).Long(fence).Text(DbNames.Venue(venue, "venue"));
            return await SingleAsync(cmd, Rows.Position, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position?> RecordSubmissionAsync(Guid positionId, long fence, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionId);
        return RetriedAsync(ct => FencedAsync(positionId, "status = 'SUBMITTED' AND fence = $2", "submission_id = $3", p => p.Long(fence).Text(submissionId), ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position?> CompleteOpenAsync(Guid positionId, long fence, PositionFill fill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fill);
        // Not retried: after a lost acknowledgement the retry would find the position OPEN already and report it refused.
        return OnceAsync(
            ct => FencedAsync(
                positionId,
                "status IN ('SUBMITTED', 'PENDING_FILL') AND fence = $2",
                "status = 'OPEN', venue_order_id = $3, qty = $4, entry_price = $5, leverage = $6, collateral_usd = $7, fees_usd = $8, stop_loss = $9, take_profit = $10, trailing_params = $11, lease_expires_at = NULL",
                p => p.Long(fence).Text(fill.VenueOrderId).Num(fill.Quantity).Num(fill.EntryPrice).Num(fill.Leverage).Num(fill.CollateralUsd).Num(fill.FeesUsd)
                    .Num(fill.StopLoss).Num(fill.TakeProfit).Jsonb(fill.Trailing is null ? null : Json.Write(fill.Trailing)),
                ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position?> MarkPendingFillAsync(Guid positionId, long fence, string? venueOrderId, DateTimeOffset checkAt, CancellationToken cancellationToken) =>
        OnceAsync(
            ct => FencedAsync(
                positionId,
                "status IN ('SUBMITTED', 'PENDING_FILL') AND fence = $2",
                "status = 'PENDING_FILL', venue_order_id = coalesce($3, venue_order_id), lease_expires_at = $4",
                p => p.Long(fence).Text(venueOrderId).Time(checkAt),
                ct),
            cancellationToken);

    /// <inheritdoc />
    public Task<Position?> EndOpenAsync(Guid positionId, long fence, PositionStatus status, string reason, CancellationToken cancellationToken)
    {
        if (status is not (PositionStatus.Cancelled or PositionStatus.Failed))
        {
            throw new MaxxitValidationException("status", "an opening order ends CANCELLED or FAILED");
        }

        return OnceAsync(
            ct => FencedAsync(
                positionId,
                "status IN ('RESERVED', 'SUBMITTED', 'PENDING_FILL') AND fence = $2",
                "status = $3, failure_reason = $4, lease_expires_at = NULL",
                p => p.Long(fence).Text(DbNames.PositionStatus(status)).Text(reason),
                ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position?> RecordUnknownOutcomeAsync(Guid positionId, long fence, string reason, int maxAttempts, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return OnceAsync(
            ct => FencedAsync(
                positionId,
                "status IN ('SUBMITTED', 'PENDING_FILL', 'CLOSING') AND fence = $2",
                "attempts = attempts + 1, failure_reason = $3, "
                + "status = CASE WHEN attempts + 1 >= $4 THEN 'NEEDS_RECONCILIATION' ELSE status END, "
                + "lease_expires_at = CASE WHEN attempts + 1 >= $4 THEN NULL ELSE $5 END",
                p => p.Long(fence).Text(reason).Int(maxAttempts).Time(retryAt),
                ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> ClaimPositionsAsync(PositionStatus status, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        CheckLease(lease);
        if (status is not (PositionStatus.PendingFill or PositionStatus.Submitted))
        {
            throw new MaxxitValidationException("status", "only SUBMITTED or PENDING_FILL positions are claimed this way");
        }

        return OnceAsync(async ct =>
        {
            await using var cmd = Command(sql.ClaimPositions);
            cmd.Parameters.Text(DbNames.PositionStatus(status)).Int(max).Interval(lease);
            return await ClaimedOldestFirstAsync(cmd, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The positions a claiming <c>UPDATE … RETURNING</c> took (it gives no order), oldest first.</summary>
    private static async Task<IReadOnlyList<Position>> ClaimedOldestFirstAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var claimed = await ListAsync(cmd, Rows.Position, ct).ConfigureAwait(false);
        claimed.Sort((a, b) => a.OpenedAt != b.OpenedAt ? a.OpenedAt.CompareTo(b.OpenedAt) : a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <inheritdoc />
    public Task<PolicyState> GetPolicyStateAsync(Guid deploymentId, string tokenSymbol, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenSymbol);
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command($"""
                SELECT count(*) FILTER (WHERE status IN ({Live}))::int,
                       coalesce(sum({Notional}) FILTER (WHERE status IN ({Live})), 0),
                       coalesce(sum({Notional}) FILTER (WHERE status IN ({Live}) AND token_symbol = $2), 0),
                       max(opened_at) FILTER (WHERE token_symbol = $2 AND status NOT IN ('FAILED', 'CANCELLED')),
                       count(*) FILTER (WHERE opened_at >= $3 AND status NOT IN ('FAILED', 'CANCELLED'))::int,
                       count(*)
                FROM {sql.Positions} WHERE deployment_id = $1
                """);
            cmd.Parameters.Uuid(deploymentId).Text(tokenSymbol).Time(dayStart);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await r.ReadAsync(ct).ConfigureAwait(false);
            return new PolicyState(r.GetInt32(0), r.GetDecimal(1), r.GetDecimal(2), r.IsDBNull(3) ? null : Rows.Time(r, 3), r.GetInt32(4), r.GetInt64(5));
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

    /// <summary>Whether the (signal, deployment) already has its audit row (a resumed decision writes no second one).</summary>
    private async Task<bool> RoutedAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, RoutingRecord routing, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {sql.History} WHERE signal_id = $1 AND deployment_id = $2)", conn, tx);
        cmd.Parameters.Uuid(routing.SignalId).Uuid(routing.DeploymentId);
        return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>
    /// A fenced update: applied only where <paramref name="condition"/> holds ($1 is the id); null when it does not, a
    /// not-found error when there is no such position.
    /// </summary>
    private async Task<Position?> FencedAsync(Guid positionId, string condition, string set, Action<NpgsqlParameterCollection> bind, CancellationToken ct)
    {
        await using (var cmd = Command($"UPDATE {sql.Positions} SET {set} WHERE id = $1 AND {condition} RETURNING {Columns.Position}"))
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

        await using var exists = Command($"SELECT EXISTS (SELECT 1 FROM {sql.Positions} WHERE id = $1)");
        exists.Parameters.Uuid(positionId);
        return (bool)(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false))!
            ? null
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
        var checkedVenues = CheckedVenueNames(r);
        p.Uuid(r.Id).Uuid(r.SignalId).Uuid(r.DeploymentId).Text(r.TokenSymbol).Text(DbNames.Venue(r.RequestedVenue, "requested_venue"))
            .Text(r.SelectedVenue is { } v ? DbNames.Venue(v, "selected_venue") : null).Text(r.RoutingReason).TextArray(checkedVenues)
            .Jsonb(RoutingAvailabilityJson.Write(r)).Double(r.RoutingDurationMs).Time(r.CreatedAt);
    }

    /// <summary>The audit row's checked venues as stored names, after the checks every audit row's write makes.</summary>
    private static string[] CheckedVenueNames(RoutingRecord r)
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

        return checkedVenues;
    }

    private static void BindPolicy(NpgsqlParameterCollection p, PolicyRecord r) =>
        p.Uuid(r.SignalId).Uuid(r.DeploymentId).Text(DbNames.Outcome(r.Outcome)).Jsonb(Json.Write(r.Adjustments ?? [])).Text(r.RejectedBy).Text(r.Reason).Time(r.CreatedAt);
}
