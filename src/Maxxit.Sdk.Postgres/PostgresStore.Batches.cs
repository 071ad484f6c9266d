using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Maxxit.Sdk.Postgres;

/// <summary>
/// The executor's batched round trips: a signal read with its deployments, a claim with the fan-out's reservations,
/// and the fan-out's order outcomes with the signal's completion.
/// </summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<ExecutionSnapshot?> GetExecutionSnapshotAsync(Guid signalId, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var batch = dataSource.CreateBatch();
        var signal = new NpgsqlBatchCommand(sql.SnapshotSignal);
        signal.Parameters.Uuid(signalId);
        var deployments = new NpgsqlBatchCommand(sql.SnapshotDeployments);
        deployments.Parameters.Uuid(signalId).Text(DbNames.DeploymentStatus(DeploymentStatus.Active));
        batch.BatchCommands.Add(signal);
        batch.BatchCommands.Add(deployments);
        await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var found = await r.ReadAsync(ct).ConfigureAwait(false) ? Rows.Signal(r) : null;
        await r.NextResultAsync(ct).ConfigureAwait(false);
        var list = new List<AgentDeployment>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(Rows.Deployment(r));
        }

        return found is null ? null : new ExecutionSnapshot(found, list);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<SignalClaim?> ClaimSignalWithReservationsAsync(Guid signalId, long observedFence, DateTimeOffset now, TimeSpan lease, IReadOnlyList<ExecutionReservation> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        CheckLease(lease);
        ExecutionReservation.CheckClaim(signalId, observedFence, reservations);
        return OnceAsync(async ct =>
        {
            var n = reservations.Count;
            var positions = reservations.Select(r => r.Position).ToArray();
            var routings = reservations.Select(r => r.Routing).ToArray();
            var policies = reservations.Select(r => r.Policy).ToArray();
            await using var cmd = Command(sql.ClaimWithReservations);
            var p = cmd.Parameters;
            p.Uuid(signalId).Interval(lease).Long(observedFence)
                .Array(NpgsqlDbType.Uuid, positions.Select(x => x.Id).ToArray())
                .Array(NpgsqlDbType.Uuid, positions.Select(x => x.DeploymentId).ToArray())
                .Array(NpgsqlDbType.Text, positions.Select(x => DbNames.Venue(x.Venue, "venue")).ToArray())
                .Array(NpgsqlDbType.Text, positions.Select(x => x.TokenSymbol).ToArray())
                .Array(NpgsqlDbType.Text, positions.Select(x => DbNames.Side(x.Side)).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.Quantity).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.EntryPrice).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.SizePercent).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.Leverage).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.CollateralUsd).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.StopLoss).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.TakeProfit).ToArray())
                .Array(NpgsqlDbType.Text, positions.Select(x => x.Trailing is null ? null : Json.Write(x.Trailing)).ToArray())
                .Array(NpgsqlDbType.Text, positions.Select(x => DbNames.PositionStatus(x.Status)).ToArray())
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.FeesUsd).ToArray())
                .Array(NpgsqlDbType.Text, positions.Select(x => x.ClientOrderId).ToArray())
                .TimeArray(positions.Select(x => (DateTimeOffset?)x.OpenedAt))
                .Array(NpgsqlDbType.Numeric, positions.Select(x => x.IntendedNotionalUsd).ToArray());
            var checkedVenues = new string[n];
            var availability = new string[n];
            for (var i = 0; i < n; i++)
            {
                // Venue names hold no comma: the list travels as one text per row and is split back in the statement.
                checkedVenues[i] = string.Join(',', CheckedVenueNames(routings[i]));
                availability[i] = RoutingAvailabilityJson.Write(routings[i]);
            }

            p.Array(NpgsqlDbType.Uuid, routings.Select(r => r.Id).ToArray())
                .Array(NpgsqlDbType.Uuid, routings.Select(r => r.DeploymentId ?? Guid.Empty).ToArray())
                .Array(NpgsqlDbType.Text, routings.Select(r => r.TokenSymbol).ToArray())
                .Array(NpgsqlDbType.Text, routings.Select(r => DbNames.Venue(r.RequestedVenue, "requested_venue")).ToArray())
                .Array(NpgsqlDbType.Text, routings.Select(r => r.SelectedVenue is { } v ? DbNames.Venue(v, "selected_venue") : null).ToArray())
                .Array(NpgsqlDbType.Text, routings.Select(r => r.RoutingReason).ToArray())
                .Array(NpgsqlDbType.Text, checkedVenues)
                .Array(NpgsqlDbType.Text, availability)
                .Array(NpgsqlDbType.Double, routings.Select(r => r.RoutingDurationMs).ToArray())
                .TimeArray(routings.Select(r => (DateTimeOffset?)r.CreatedAt))
                .Array(NpgsqlDbType.Uuid, policies.Select(r => r.DeploymentId).ToArray())
                .Array(NpgsqlDbType.Text, policies.Select(r => DbNames.Outcome(r.Outcome)).ToArray())
                .Array(NpgsqlDbType.Text, policies.Select(r => Json.Write(r.Adjustments ?? [])).ToArray())
                .Array(NpgsqlDbType.Text, policies.Select(r => r.RejectedBy).ToArray())
                .Array(NpgsqlDbType.Text, policies.Select(r => r.Reason).ToArray())
                .TimeArray(policies.Select(r => (DateTimeOffset?)r.CreatedAt));

            Signal claimed;
            HashSet<Guid> written;
            try
            {
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return null;
                }

                claimed = Rows.Signal(reader);
                var last = reader.FieldCount - 1;
                written = reader.IsDBNull(last) ? [] : [.. reader.GetFieldValue<Guid[]>(last)];
            }
            catch (PostgresException ex) when (PgErrors.Map(ex, ("signal_id", signalId), ("deployment_id", DeploymentOf(ex, positions))) is { } mapped)
            {
                throw mapped;
            }

            var results = new ReservationResult[n];
            for (var i = 0; i < n; i++)
            {
                // Positions are only written under a claim, so a never-claimed signal has none; a conflict cannot happen,
                // but if it did, the position found is reported as it would be by ReserveExecutionsAsync.
                results[i] = written.Contains(positions[i].DeploymentId)
                    ? new ReservationResult(ReservationStatus.Reserved, positions[i])
                    : await NotReservedAsync(positions[i], fenceOk: true, versionOk: true, ct).ConfigureAwait(false);
            }

            return new SignalClaim(claimed, results);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrderOutcomesResult> RecordOrderOutcomesAsync(IReadOnlyList<OrderOutcome> outcomes, SignalCompletion? completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var ids = new HashSet<Guid>();
        foreach (var o in outcomes)
        {
            ArgumentNullException.ThrowIfNull(o);
            if (!ids.Add(o.PositionId))
            {
                throw new ArgumentException($"position {o.PositionId} has two outcomes in one batch", nameof(outcomes));
            }
        }

        if (outcomes.Count == 0 && completion is null)
        {
            return Task.FromResult(new OrderOutcomesResult([], false));
        }

        // Not retried: after a lost acknowledgement a retry would find the outcomes applied already and report them refused.
        return OnceAsync(async ct =>
        {
            await using var cmd = Command(sql.RecordOutcomes);
            var fills = outcomes.Select(o => o.Fill).ToArray();
            cmd.Parameters
                .Array(NpgsqlDbType.Uuid, outcomes.Select(o => o.PositionId).ToArray())
                .Array(NpgsqlDbType.Bigint, outcomes.Select(o => o.Fence).ToArray())
                .Array(NpgsqlDbType.Text, outcomes.Select(o => DbNames.PositionStatus(o.Status)).ToArray())
                .Array(NpgsqlDbType.Text, outcomes.Select(o => o.Fill?.VenueOrderId ?? o.VenueOrderId).ToArray())
                .Array(NpgsqlDbType.Numeric, fills.Select(f => f?.Quantity).ToArray())
                .Array(NpgsqlDbType.Numeric, fills.Select(f => f?.EntryPrice).ToArray())
                .Array(NpgsqlDbType.Numeric, fills.Select(f => f?.Leverage).ToArray())
                .Array(NpgsqlDbType.Numeric, fills.Select(f => f?.CollateralUsd).ToArray())
                .Array(NpgsqlDbType.Numeric, fills.Select(f => f?.FeesUsd).ToArray())
                .Array(NpgsqlDbType.Numeric, fills.Select(f => f?.StopLoss).ToArray())
                .Array(NpgsqlDbType.Numeric, fills.Select(f => f?.TakeProfit).ToArray())
                .Array(NpgsqlDbType.Text, fills.Select(f => f?.Trailing is { } t ? Json.Write(t) : null).ToArray())
                .Array(NpgsqlDbType.Text, outcomes.Select(o => o.Reason).ToArray())
                .TimeArray(outcomes.Select(o => o.CheckAt))
                .Uuid(completion?.SignalId)
                .Text(completion is null ? null : DbNames.SignalStatus(completion.Status))
                .Text(completion?.FinalVenue is { } v ? DbNames.Venue(v, "final_venue") : null)
                .Time(completion?.RoutedAt).Time(completion?.ExecutedAt).Text(completion?.Reason)
                .Long(completion?.Fence ?? 0).Long(outcomes.Count);
            var updated = new Dictionary<Guid, Position>();
            var completed = false;
            try
            {
                await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    completed = r.GetInt32(r.FieldCount - 1) == 1;
                    if (!r.IsDBNull(0))
                    {
                        var position = Rows.Position(r);
                        updated[position.Id] = position;
                    }
                }
            }
            catch (PostgresException ex) when (PgErrors.Map(ex) is { } mapped)
            {
                throw mapped;
            }

            return new OrderOutcomesResult([.. outcomes.Select(o => updated.GetValueOrDefault(o.PositionId))], completed);
        }, cancellationToken);
    }

    private static Guid? DeploymentOf(PostgresException ex, Position[] positions) =>
        ex.Detail is { } detail ? positions.Select(p => p.DeploymentId).FirstOrDefault(id => detail.Contains(id.ToString(), StringComparison.Ordinal)) : null;
}
