using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>Signals, their claims by executors, and the worker's source cursors.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task CreateSignalAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return OnceAsync(async ct =>
        {
            await using var cmd = Command(sql.InsertSignal);
            BindSignal(cmd.Parameters, signal);
            try
            {
                return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (PgErrors.Map(ex, ("agent_id", signal.AgentId), ("signal_id", signal.Id)) is { } mapped)
            {
                throw mapped;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task CreateSignalsWithCursorAsync(IReadOnlyList<Signal> signals, SourceCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(cursor);
        return OnceAsync(async ct =>
        {
            // A batch runs as one implicit transaction: the signals and the cursor are stored together or not at all.
            await using var batch = dataSource.CreateBatch();
            foreach (var signal in signals)
            {
                ArgumentNullException.ThrowIfNull(signal);
                var insert = new NpgsqlBatchCommand(sql.InsertSignal);
                BindSignal(insert.Parameters, signal);
                batch.BatchCommands.Add(insert);
            }

            var upsert = new NpgsqlBatchCommand(
                $"INSERT INTO {sql.Cursors} (agent_id, positions, updated_at) VALUES ($1, $2, now()) "
                + "ON CONFLICT (agent_id) DO UPDATE SET positions = EXCLUDED.positions, updated_at = now()");
            upsert.Parameters.Uuid(cursor.AgentId).Jsonb(Json.Write(cursor.Positions ?? new Dictionary<string, string>()));
            batch.BatchCommands.Add(upsert);
            try
            {
                return await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (PgErrors.Map(ex, ("agent_id", AgentOf(ex))) is { } mapped)
            {
                throw mapped;
            }

            // The failing command says which agent id was unknown: a signal's, or the cursor's (the last command).
            Guid AgentOf(PostgresException ex) =>
                ex.BatchCommand is { } c && batch.BatchCommands.IndexOf(c) is var i and >= 0 && i < signals.Count ? signals[i].AgentId : cursor.AgentId;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SourceCursor> GetCursorAsync(Guid agentId, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"SELECT positions FROM {sql.Cursors} WHERE agent_id = $1");
        cmd.Parameters.Uuid(agentId);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json
            ? new SourceCursor(agentId, Json.Read<Dictionary<string, string>>(json, "positions"))
            : SourceCursor.Empty(agentId);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<Signal?> GetSignalAsync(Guid signalId, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"SELECT {Columns.Signal} FROM {sql.Signals} WHERE id = $1");
        cmd.Parameters.Uuid(signalId);
        return await SingleAsync(cmd, Rows.Signal, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<Signal?> TryClaimSignalAsync(Guid signalId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        CheckLease(lease);
        return OnceAsync(async ct =>
        {
            // A single UPDATE: a concurrent claimer waits on the row and then re-checks the condition, so only one wins.
            await using var cmd = Command(sql.ClaimOne);
            cmd.Parameters.Uuid(signalId).Interval(lease);
            return await SingleAsync(cmd, Rows.Signal, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Signal>> ClaimPendingSignalsAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        CheckLease(lease);
        return OnceAsync<IReadOnlyList<Signal>>(async ct =>
        {
            await using var cmd = Command(sql.ClaimMany);
            cmd.Parameters.Int(max).Interval(lease);
            var claimed = await ListAsync(cmd, Rows.Signal, ct).ConfigureAwait(false);
            // UPDATE … RETURNING gives no order; callers get oldest first.
            claimed.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));
            return claimed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RenewSignalLeaseAsync(Guid signalId, long fence, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        CheckLease(lease);
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command($"UPDATE {sql.Signals} SET lease_expires_at = now() + $3 WHERE id = $1 AND fence = $2 AND status = 'EXECUTING'");
            cmd.Parameters.Uuid(signalId).Long(fence).Interval(lease);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> CompleteSignalAsync(SignalCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        // Not retried: after a lost acknowledgement a retry would find the signal complete already and report it refused.
        return OnceAsync(async ct =>
        {
            await using var cmd = Command(
                $"UPDATE {sql.Signals} SET status = $2, final_venue = $3{sql.Venue}, routed_at = $4, executed_at = $5, skipped_reason = $6, lease_expires_at = NULL "
                + "WHERE id = $1 AND fence = $7 AND status = 'EXECUTING'");
            cmd.Parameters.Uuid(completion.SignalId).Text(DbNames.SignalStatus(completion.Status))
                .Text(completion.FinalVenue is { } v ? DbNames.Venue(v, "final_venue") : null)
                .Time(completion.RoutedAt).Time(completion.ExecutedAt).Text(completion.Reason).Long(completion.Fence);
            try
            {
                if (await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                {
                    return true;
                }
            }
            catch (PostgresException ex) when (PgErrors.Map(ex) is { } mapped)
            {
                throw mapped;
            }

            await using var exists = Command($"SELECT EXISTS (SELECT 1 FROM {sql.Signals} WHERE id = $1)");
            exists.Parameters.Uuid(completion.SignalId);
            return (bool)(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false))!
                ? false
                : throw new MaxxitNotFoundException("signal", completion.SignalId.ToString(), "signal_id");
        }, cancellationToken);
    }

    private void BindSignal(NpgsqlParameterCollection p, Signal s)
    {
        ArgumentNullException.ThrowIfNull(s.SizeModel, "size_model");
        ArgumentNullException.ThrowIfNull(s.RiskModel, "risk_model");
        p.Uuid(s.Id).Uuid(s.AgentId).Text(s.TokenSymbol).Text(DbNames.Side(s.Side)).Jsonb(Json.Write(SizeModelForm.From(s.SizeModel))).Jsonb(Json.Write(RiskModelForm.From(s.RiskModel))).Num(s.Confidence)
            .Text(DbNames.Venue(s.RequestedVenue, "requested_venue")).Text(s.FinalVenue is { } f ? DbNames.Venue(f, "final_venue") : null).Time(s.RoutedAt)
            .TextArray(s.SourceTweets ?? []).TextArray(s.SourceResearch ?? []).Text(s.Reasoning).Text(DbNames.SignalStatus(s.Status)).Text(s.SkippedReason)
            .Time(s.ExecutedAt).Time(s.LeaseExpiresAt).Time(s.CreatedAt);
    }

    private static void CheckLease(TimeSpan lease)
    {
        if (lease <= TimeSpan.Zero)
        {
            throw new MaxxitValidationException("lease", "must be positive");
        }
    }
}
