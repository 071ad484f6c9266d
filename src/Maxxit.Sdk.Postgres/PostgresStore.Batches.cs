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
    // A coalesced statement stops at this many rows unless it is one request (a wide fan-out is written whole).
    private const int MaxRowsPerStatement = 4096;

    // Statements of one kind running at once: while one runs, the next requests gather into the following one. One per
    // kind measured best (1,000 signals x 3 at concurrency 16: about 3.5 requests per statement and a quarter less server
    // CPU than with two, whose statements held about 2); the three kinds still run side by side. Each kind's
    // DedicatedConnection relies on it: one statement at a time.
    private const int MaxStatementsInFlight = 1;

    /// <inheritdoc />
    public async Task<ExecutionSnapshot?> GetExecutionSnapshotAsync(Guid signalId, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await snapshots.RunAsync(signalId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The signals and their agents' active deployments, one round trip for all (retried: a read).</summary>
    private Task<IReadOnlyList<ExecutionSnapshot?>> ReadSnapshotsAsync(IReadOnlyList<Guid> signalIds) => retry.ExecuteAsync<IReadOnlyList<ExecutionSnapshot?>>(
        async ct => await snapshotConnection.RunAsync(conn => ReadSnapshotsAsync(conn, signalIds, ct)).ConfigureAwait(false),
        CancellationToken.None).AsTask();

    private async Task<IReadOnlyList<ExecutionSnapshot?>> ReadSnapshotsAsync(NpgsqlConnection conn, IReadOnlyList<Guid> signalIds, CancellationToken ct)
    {
        var ids = signalIds.ToArray();
        await using var batch = new NpgsqlBatch(conn);
        var signals = new NpgsqlBatchCommand(sql.SnapshotSignals);
        signals.Parameters.UuidArray(ids);
        var deployments = new NpgsqlBatchCommand(sql.SnapshotDeployments);
        deployments.Parameters.UuidArray(ids).Text(DbNames.DeploymentStatus(DeploymentStatus.Active));
        batch.BatchCommands.Add(signals);
        batch.BatchCommands.Add(deployments);
        if (prepareExplicitly)
        {
            await batch.PrepareAsync(ct).ConfigureAwait(false);
        }

        await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var found = new Dictionary<Guid, Signal>(ids.Length);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var signal = Rows.Signal(r);
            found[signal.Id] = signal;
        }

        await r.NextResultAsync(ct).ConfigureAwait(false);
        var byAgent = new Dictionary<Guid, List<AgentDeployment>>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var deployment = Rows.Deployment(r);
            if (!byAgent.TryGetValue(deployment.AgentId, out var list))
            {
                byAgent[deployment.AgentId] = list = [];
            }

            list.Add(deployment);
        }

        return [.. ids.Select(id => found.TryGetValue(id, out var s) ? new ExecutionSnapshot(s, byAgent.GetValueOrDefault(s.AgentId) ?? []) : null)];
    }

    /// <inheritdoc />
    public async Task<SignalClaim?> ClaimSignalWithReservationsAsync(Guid signalId, long observedFence, DateTimeOffset now, TimeSpan lease, IReadOnlyList<ExecutionReservation> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        CheckLease(lease);
        ExecutionReservation.CheckClaim(signalId, observedFence, reservations);
        // A value that cannot be written (an unknown venue, …) fails the shared statement before it is sent; the
        // coalescer then writes each request alone, so only the bad one gets the error.
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var request = new ClaimRequest(signalId, observedFence, lease, reservations);
        if (await claims.RunAsync(request, cancellationToken).ConfigureAwait(false) is not { } written)
        {
            return null;
        }

        var results = new ReservationResult[reservations.Count];
        for (var i = 0; i < results.Length; i++)
        {
            // Positions are only written under a claim, so a never-claimed signal has none; a conflict cannot happen,
            // but if it did, the position found is reported as it would be by ReserveExecutionsAsync.
            var position = reservations[i].Position;
            results[i] = written.Deployments.Contains(position.DeploymentId)
                ? new ReservationResult(ReservationStatus.Reserved, position)
                : await NotReservedAsync(position, fenceOk: true, versionOk: true, cancellationToken).ConfigureAwait(false);
        }

        return new SignalClaim(written.Signal, results);
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
        return OnceAsync(ct => outcomeWrites.RunAsync(new OutcomesRequest(outcomes, completion), ct), cancellationToken);
    }

    /// <summary>Claims with reservations, one statement for all (<see cref="StoreSql.ClaimWithReservations"/>); null where the claim was not won.</summary>
    private Task<IReadOnlyList<ClaimWritten?>> WriteClaimsAsync(IReadOnlyList<ClaimRequest> requests) => claimConnection.RunAsync(conn => WriteClaimsAsync(conn, requests));

    private async Task<IReadOnlyList<ClaimWritten?>> WriteClaimsAsync(NpgsqlConnection conn, IReadOnlyList<ClaimRequest> requests)
    {
        var reservations = requests.SelectMany(q => q.Reservations).ToArray();
        var positions = reservations.Select(r => r.Position).ToArray();
        var routings = reservations.Select(r => r.Routing).ToArray();
        var policies = reservations.Select(r => r.Policy).ToArray();
        var n = reservations.Length;
        await using var cmd = new NpgsqlCommand(sql.ClaimWithReservations, conn);
        var p = cmd.Parameters;
        p.Array(NpgsqlDbType.Uuid, requests.Select(q => q.SignalId).ToArray())
            .Array(NpgsqlDbType.Bigint, requests.Select(q => q.ObservedFence).ToArray())
            .Array(NpgsqlDbType.Interval, requests.Select(q => q.Lease).ToArray())
            .Array(NpgsqlDbType.Uuid, positions.Select(x => x.SignalId).ToArray())
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

        p.Array(NpgsqlDbType.Uuid, routings.Select(r => r.SignalId).ToArray())
            .Array(NpgsqlDbType.Uuid, routings.Select(r => r.Id).ToArray())
            .Array(NpgsqlDbType.Uuid, routings.Select(r => r.DeploymentId ?? Guid.Empty).ToArray())
            .Array(NpgsqlDbType.Text, routings.Select(r => r.TokenSymbol).ToArray())
            .Array(NpgsqlDbType.Text, routings.Select(r => DbNames.Venue(r.RequestedVenue, "requested_venue")).ToArray())
            .Array(NpgsqlDbType.Text, routings.Select(r => r.SelectedVenue is { } v ? DbNames.Venue(v, "selected_venue") : null).ToArray())
            .Array(NpgsqlDbType.Text, routings.Select(r => r.RoutingReason).ToArray())
            .Array(NpgsqlDbType.Text, checkedVenues)
            .Array(NpgsqlDbType.Text, availability)
            .Array(NpgsqlDbType.Double, routings.Select(r => r.RoutingDurationMs).ToArray())
            .TimeArray(routings.Select(r => (DateTimeOffset?)r.CreatedAt))
            .Array(NpgsqlDbType.Uuid, policies.Select(r => r.SignalId).ToArray())
            .Array(NpgsqlDbType.Uuid, policies.Select(r => r.DeploymentId).ToArray())
            .Array(NpgsqlDbType.Text, policies.Select(r => DbNames.Outcome(r.Outcome)).ToArray())
            .Array(NpgsqlDbType.Text, policies.Select(r => Json.Write(r.Adjustments ?? [])).ToArray())
            .Array(NpgsqlDbType.Text, policies.Select(r => r.RejectedBy).ToArray())
            .Array(NpgsqlDbType.Text, policies.Select(r => r.Reason).ToArray())
            .TimeArray(policies.Select(r => (DateTimeOffset?)r.CreatedAt))
            .Long(requests.Count).Long(n);

        var claimed = new Dictionary<Guid, ClaimWritten>(requests.Count);
        if (prepareExplicitly)
        {
            await cmd.PrepareAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await using (var reader = await cmd.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var signal = Rows.Signal(reader);
                var last = reader.FieldCount - 1;
                claimed[signal.Id] = new ClaimWritten(signal, reader.IsDBNull(last) ? [] : [.. reader.GetFieldValue<Guid[]>(last)]);
            }
        }

        return [.. requests.Select(q => claimed.GetValueOrDefault(q.SignalId))];
    }

    /// <summary>Order outcomes with completions, one statement for all (<see cref="StoreSql.RecordOutcomes"/>).</summary>
    private Task<IReadOnlyList<OrderOutcomesResult>> WriteOutcomesAsync(IReadOnlyList<OutcomesRequest> requests) => outcomeConnection.RunAsync(conn => WriteOutcomesAsync(conn, requests));

    private async Task<IReadOnlyList<OrderOutcomesResult>> WriteOutcomesAsync(NpgsqlConnection conn, IReadOnlyList<OutcomesRequest> requests)
    {
        var outcomes = requests.SelectMany(q => q.Outcomes).ToArray();
        var owners = requests.SelectMany((q, i) => Enumerable.Repeat(i, q.Outcomes.Count)).ToArray();
        var completing = Enumerable.Range(0, requests.Count).Where(i => requests[i].Completion is not null).ToArray();
        var completions = completing.Select(i => requests[i].Completion!).ToArray();
        var fills = outcomes.Select(o => o.Fill).ToArray();
        await using var cmd = new NpgsqlCommand(sql.RecordOutcomes, conn);
        cmd.Parameters
            .Array(NpgsqlDbType.Integer, owners)
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
            .Array(NpgsqlDbType.Integer, completing)
            .Array(NpgsqlDbType.Uuid, completions.Select(c => c.SignalId).ToArray())
            .Array(NpgsqlDbType.Text, completions.Select(c => DbNames.SignalStatus(c.Status)).ToArray())
            .Array(NpgsqlDbType.Text, completions.Select(c => c.FinalVenue is { } v ? DbNames.Venue(v, "final_venue") : null).ToArray())
            .TimeArray(completions.Select(c => c.RoutedAt))
            .TimeArray(completions.Select(c => (DateTimeOffset?)c.ExecutedAt))
            .Array(NpgsqlDbType.Text, completions.Select(c => c.Reason).ToArray())
            .Array(NpgsqlDbType.Bigint, completions.Select(c => c.Fence).ToArray())
            .Array(NpgsqlDbType.Integer, completing.Select(i => requests[i].Outcomes.Count).ToArray())
            .Long(outcomes.Length).Long(completions.Length);
        var updated = new Dictionary<Guid, Position>();
        HashSet<int> completed = [];
        if (prepareExplicitly)
        {
            await cmd.PrepareAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await using (var r = await cmd.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await r.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var last = r.FieldCount - 1;
                if (!r.IsDBNull(last))
                {
                    completed = [.. r.GetFieldValue<int[]>(last)];
                }

                if (!r.IsDBNull(0))
                {
                    var position = Rows.Position(r);
                    updated[position.Id] = position;
                }
            }
        }

        return [.. requests.Select((q, i) => new OrderOutcomesResult([.. q.Outcomes.Select(o => updated.GetValueOrDefault(o.PositionId))], completed.Contains(i)))];
    }

    // Reads share nothing to guard: one statement may read a signal twice.
    private StatementCoalescer<Guid, ExecutionSnapshot?> NewSnapshotCoalescer() => new(
        ReadSnapshotsAsync,
        (_, ex) => PgErrors.Map(ex),
        _ => [],
        _ => 1,
        options.MaxRequestsPerStatement,
        MaxRowsPerStatement,
        MaxStatementsInFlight);

    private StatementCoalescer<ClaimRequest, ClaimWritten?> NewClaimCoalescer() => new(
        WriteClaimsAsync,
        (q, ex) => PgErrors.Map(ex, ("signal_id", q.SignalId), ("deployment_id", DeploymentOf(ex, [.. q.Reservations.Select(r => r.Position)]))),
        q => [q.SignalId],
        q => q.Reservations.Count + 1,
        options.MaxRequestsPerStatement,
        MaxRowsPerStatement,
        MaxStatementsInFlight);

    private StatementCoalescer<OutcomesRequest, OrderOutcomesResult> NewOutcomeCoalescer() => new(
        WriteOutcomesAsync,
        (_, ex) => PgErrors.Map(ex),
        q => q.Completion is { } c ? [c.SignalId, .. q.Outcomes.Select(o => o.PositionId)] : [.. q.Outcomes.Select(o => o.PositionId)],
        q => q.Outcomes.Count + 1,
        options.MaxRequestsPerStatement,
        MaxRowsPerStatement,
        MaxStatementsInFlight);

    internal sealed record ClaimRequest(Guid SignalId, long ObservedFence, TimeSpan Lease, IReadOnlyList<ExecutionReservation> Reservations);

    internal sealed record ClaimWritten(Signal Signal, HashSet<Guid> Deployments);

    internal sealed record OutcomesRequest(IReadOnlyList<OrderOutcome> Outcomes, SignalCompletion? Completion);

    private static Guid? DeploymentOf(PostgresException ex, Position[] positions) =>
        ex.Detail is { } detail ? positions.Select(p => p.DeploymentId).FirstOrDefault(id => detail.Contains(id.ToString(), StringComparison.Ordinal)) : null;
}
