namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>
/// The store's statements for one schema, built once. Only the quoted schema name is spliced in; every value is a
/// positional parameter.
/// </summary>
internal sealed class StoreSql
{
    public StoreSql(SchemaName schema)
    {
        Agents = schema.Qualify("agents_v3");
        Deployments = schema.Qualify("agent_deployments_v3");
        Wallets = schema.Qualify("agent_wallets_v3");

        // Each wallet as [venue, address, ciphertext, iv, tag, key id], read by Rows.Deployment; the table is aliased d.
        DeploymentColumns = "d.id, d.agent_id, d.user_wallet, d.status, d.sub_active, "
            + $"(SELECT coalesce(jsonb_agg(jsonb_build_array(w.venue::text, w.agent_address, w.key_ciphertext, w.key_iv, w.key_tag, w.key_id) ORDER BY w.venue::text), '[]'::jsonb) FROM {Wallets} w WHERE w.deployment_id = d.id), "
            + "d.policy, d.created_at";
        Signals = schema.Qualify("signals_v3");
        Positions = schema.Qualify("positions_v3");
        Configs = schema.Qualify("venue_routing_config_v3");
        History = schema.Qualify("venue_routing_history_v3");
        Policies = schema.Qualify("policy_decisions_v3");
        Cursors = schema.Qualify("agent_source_cursors_v3");
        var venue = schema.Qualify("venue_v3_t");
        Venue = "::text::" + venue;
        VenueArray = "::text[]::" + venue + "[]";

        InsertAgent = $"INSERT INTO {Agents} (id, creator_wallet, name, venue, status, x_account_ids, research_institute_ids, weights, apr_30d, apr_90d, sharpe_30d, profit_receiver_address, created_at) "
            + $"VALUES ($1, $2, $3, $4{Venue}, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
        InsertSignal = $"INSERT INTO {Signals} (id, agent_id, token_symbol, side, size_model, risk_model, confidence, requested_venue, final_venue, routed_at, source_tweets, source_research, reasoning, status, skipped_reason, executed_at, lease_expires_at, created_at) "
            + $"VALUES ($1, $2, $3, $4, $5, $6, $7, $8{Venue}, $9{Venue}, $10, $11, $12, $13, $14, $15, $16, $17, $18)";
        // The audit table has no foreign keys (see the migration); the ids are checked here instead, without row locks.
        InsertRouting = $"INSERT INTO {History} (id, signal_id, deployment_id, token_symbol, requested_venue, selected_venue, routing_reason, checked_venues, venue_availability, routing_duration_ms, created_at) "
            + $"SELECT $1, $2, $3, $4, $5{Venue}, $6{Venue}, $7, $8{VenueArray}, $9, $10, $11 "
            + $"WHERE EXISTS (SELECT 1 FROM {Signals} WHERE id = $2) AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM {Deployments} WHERE id = $3))";
        UpsertPolicy = $"INSERT INTO {Policies} (signal_id, deployment_id, outcome, adjustments, rejected_by, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
            + "ON CONFLICT (signal_id, deployment_id) DO UPDATE SET outcome = EXCLUDED.outcome, adjustments = EXCLUDED.adjustments, rejected_by = EXCLUDED.rejected_by, reason = EXCLUDED.reason, created_at = EXCLUDED.created_at";

        InsertRouting += " ON CONFLICT (signal_id, deployment_id) DO NOTHING";

        // Reservations of one deployment are serialized by a transaction-scoped advisory lock (the first statement of
        // the reservation batch), so that the policy-state check below sees every earlier reservation committed.
        LockDeployment = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7320))";

        // One statement: the position is written only while the signal's claim is the position's fence and the
        // deployment still has the number of positions the policy decided on; the audit row and policy record only
        // when the position was. A concurrent reservation of the same (signal, deployment) writes nothing.
        Reserve = $"""
            WITH ok AS (
                SELECT EXISTS (SELECT 1 FROM {Signals} WHERE id = $3 AND status = 'EXECUTING' AND fence = $27) AS fence_ok,
                       ($28::bigint IS NULL OR (SELECT count(*) FROM {Positions} WHERE deployment_id = $2) = $28) AS version_ok),
            p AS (
                INSERT INTO {Positions} (id, deployment_id, signal_id, venue, token_symbol, side, qty, entry_price, size_percent, leverage, collateral_usd, stop_loss, take_profit,
                    trailing_params, status, pnl, fees_usd, exit_price, close_reason, client_order_id, venue_order_id, submission_id, failure_reason, lease_expires_at, opened_at, closed_at,
                    fence, intended_notional)
                SELECT $1, $2, $3, $4{Venue}, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $29
                FROM ok WHERE ok.fence_ok AND ok.version_ok
                ON CONFLICT (signal_id, deployment_id) DO NOTHING
                RETURNING id),
            h AS (
                INSERT INTO {History} (id, signal_id, deployment_id, token_symbol, requested_venue, selected_venue, routing_reason, checked_venues, venue_availability, routing_duration_ms, created_at)
                SELECT $30, $31, $32, $33, $34{Venue}, $35{Venue}, $36, $37{VenueArray}, $38, $39, $40 WHERE EXISTS (SELECT 1 FROM p)
                ON CONFLICT (signal_id, deployment_id) DO NOTHING),
            d AS (
                INSERT INTO {Policies} (signal_id, deployment_id, outcome, adjustments, rejected_by, reason, created_at)
                SELECT $41, $42, $43, $44, $45, $46, $47 WHERE EXISTS (SELECT 1 FROM p)
                ON CONFLICT (signal_id, deployment_id) DO UPDATE SET outcome = EXCLUDED.outcome, adjustments = EXCLUDED.adjustments,
                    rejected_by = EXCLUDED.rejected_by, reason = EXCLUDED.reason, created_at = EXCLUDED.created_at)
            SELECT (SELECT count(*)::int FROM p), ok.fence_ok, ok.version_ok FROM ok
            """;

        // Never-claimed signals are claimed and their whole fan-outs reserved in one statement (one round trip, one pass
        // of each counter trigger), for one signal or for several gathered by the store's coalescer: a signal's positions,
        // audit rows and policy records are written only if this statement's own claim of that signal succeeded (they
        // join the claim's RETURNING rows), each row from parallel arrays tagged with its signal. A never-claimed signal
        // has no policy record yet (they are only written under a claim), so its insert is not an upsert: no update
        // trigger fires. Each unnest has a LIMIT of its true length ($41, $42) so that the generic plan's row estimates
        // are honest and the plan cache keeps it.
        ClaimWithReservations = $"""
            WITH q AS (
                SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::interval[]) AS q (id, fence, lease) LIMIT $41),
            c AS (
                UPDATE {Signals} s SET status = 'EXECUTING', lease_expires_at = now() + q.lease, attempts = s.attempts + 1, fence = s.fence + 1
                FROM q WHERE s.id = q.id AND s.status = 'PENDING' AND s.fence = q.fence
                RETURNING {Columns.Prefixed(Columns.Signal, "s")}),
            r AS (
                SELECT * FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[],
                    $14::numeric[], $15::numeric[], $16::numeric[], $17::text[], $18::text[], $19::numeric[], $20::text[], $21::timestamptz[], $22::numeric[])
                AS r (signal_id, id, deployment_id, venue, token_symbol, side, qty, entry_price, size_percent, leverage, collateral_usd, stop_loss, take_profit,
                    trailing_params, status, fees_usd, client_order_id, opened_at, intended_notional)
                LIMIT $42),
            p AS (
                INSERT INTO {Positions} (id, deployment_id, signal_id, venue, token_symbol, side, qty, entry_price, size_percent, leverage, collateral_usd,
                    stop_loss, take_profit, trailing_params, status, fees_usd, client_order_id, opened_at, fence, intended_notional)
                SELECT r.id, r.deployment_id, c.id, r.venue{Venue}, r.token_symbol, r.side, r.qty, r.entry_price, r.size_percent, r.leverage, r.collateral_usd,
                    r.stop_loss, r.take_profit, r.trailing_params::jsonb, r.status, r.fees_usd, r.client_order_id, r.opened_at, c.fence, r.intended_notional
                FROM r JOIN c ON c.id = r.signal_id
                ON CONFLICT (signal_id, deployment_id) DO NOTHING
                RETURNING signal_id, deployment_id),
            h AS (
                INSERT INTO {History} (id, signal_id, deployment_id, token_symbol, requested_venue, selected_venue, routing_reason, checked_venues, venue_availability, routing_duration_ms, created_at)
                SELECT h.id, h.signal_id, h.deployment_id, h.token_symbol, h.requested_venue{Venue}, h.selected_venue{Venue}, h.routing_reason,
                    string_to_array(h.checked_venues, ','){VenueArray}, h.venue_availability::jsonb, h.routing_duration_ms, h.created_at
                FROM (SELECT * FROM unnest($23::uuid[], $24::uuid[], $25::uuid[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[], $31::text[], $32::float8[], $33::timestamptz[])
                    AS h (signal_id, id, deployment_id, token_symbol, requested_venue, selected_venue, routing_reason, checked_venues, venue_availability, routing_duration_ms, created_at)
                    LIMIT $42) AS h
                WHERE (h.signal_id, h.deployment_id) IN (SELECT signal_id, deployment_id FROM p)
                ON CONFLICT (signal_id, deployment_id) DO NOTHING),
            d AS (
                INSERT INTO {Policies} (signal_id, deployment_id, outcome, adjustments, rejected_by, reason, created_at)
                SELECT d.signal_id, d.deployment_id, d.outcome, d.adjustments::jsonb, d.rejected_by, d.reason, d.created_at
                FROM (SELECT * FROM unnest($34::uuid[], $35::uuid[], $36::text[], $37::text[], $38::text[], $39::text[], $40::timestamptz[])
                    AS d (signal_id, deployment_id, outcome, adjustments, rejected_by, reason, created_at)
                    LIMIT $42) AS d
                WHERE (d.signal_id, d.deployment_id) IN (SELECT signal_id, deployment_id FROM p)
                ON CONFLICT (signal_id, deployment_id) DO NOTHING)
            SELECT {Columns.Prefixed(Columns.Signal, "c")}, (SELECT array_agg(p.deployment_id) FROM p WHERE p.signal_id = c.id) FROM c
            """;

        // Order outcomes in one fenced statement (each row as its single-order write), for one request or several gathered
        // by the store's coalescer (each row tagged with its request), and each request's signal completion only when all
        // of that request's outcomes were applied and the claim is still the one it names. One row even when nothing was
        // updated, so that the completions always come back (last column: the requests whose completion was applied).
        // Each unnest has a LIMIT of its true length ($25, $26): without it the generic plan assumes 100 rows from unnest,
        // costs more than the custom plan for a few rows, and the statement was planned afresh on every execution (half
        // its server time); with it the generic plan (outcomes joined to positions by primary key) is chosen.
        RecordOutcomes = $"""
            WITH o AS (
                SELECT * FROM unnest($1::int[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[],
                    $11::numeric[], $12::numeric[], $13::text[], $14::text[], $15::timestamptz[])
                AS o (req, id, fence, status, venue_order_id, qty, entry_price, leverage, collateral_usd, fees_usd, stop_loss, take_profit, trailing_params, reason, check_at)
                LIMIT $25),
            u AS (
                UPDATE {Positions} p SET
                    status = o.status,
                    venue_order_id = CASE WHEN o.status = 'OPEN' THEN o.venue_order_id ELSE coalesce(o.venue_order_id, p.venue_order_id) END,
                    qty = CASE WHEN o.status = 'OPEN' THEN o.qty ELSE p.qty END,
                    entry_price = CASE WHEN o.status = 'OPEN' THEN o.entry_price ELSE p.entry_price END,
                    leverage = CASE WHEN o.status = 'OPEN' THEN o.leverage ELSE p.leverage END,
                    collateral_usd = CASE WHEN o.status = 'OPEN' THEN o.collateral_usd ELSE p.collateral_usd END,
                    fees_usd = CASE WHEN o.status = 'OPEN' THEN o.fees_usd ELSE p.fees_usd END,
                    stop_loss = CASE WHEN o.status = 'OPEN' THEN o.stop_loss ELSE p.stop_loss END,
                    take_profit = CASE WHEN o.status = 'OPEN' THEN o.take_profit ELSE p.take_profit END,
                    trailing_params = CASE WHEN o.status = 'OPEN' THEN o.trailing_params::jsonb ELSE p.trailing_params END,
                    failure_reason = CASE WHEN o.status IN ('CANCELLED', 'FAILED') THEN o.reason ELSE p.failure_reason END,
                    lease_expires_at = CASE WHEN o.status = 'PENDING_FILL' THEN o.check_at END
                FROM o
                WHERE p.id = o.id AND p.fence = o.fence
                  AND (p.status IN ('SUBMITTED', 'PENDING_FILL') OR (p.status = 'RESERVED' AND o.status IN ('CANCELLED', 'FAILED')))
                RETURNING {Columns.Prefixed(Columns.Position, "p")}, o.req),
            k AS (
                SELECT * FROM unnest($16::int[], $17::uuid[], $18::text[], $19::text[], $20::timestamptz[], $21::timestamptz[], $22::text[], $23::bigint[], $24::int[])
                AS k (req, id, status, final_venue, routed_at, executed_at, reason, fence, outcomes)
                LIMIT $26),
            s AS (
                UPDATE {Signals} s SET status = k.status, final_venue = k.final_venue{Venue}, routed_at = k.routed_at, executed_at = k.executed_at,
                    skipped_reason = k.reason, lease_expires_at = NULL
                FROM k
                WHERE s.id = k.id AND s.fence = k.fence AND s.status = 'EXECUTING' AND (SELECT count(*) FROM u WHERE u.req = k.req) = k.outcomes
                RETURNING k.req)
            SELECT u.*, (SELECT array_agg(req) FROM s) FROM (SELECT 1) AS one LEFT JOIN u ON true
            """;

        // A position is taken for sending only by the holder of its signal's current claim, and every takeover raises
        // the position's own fence (never sets it to the signal's), so that no two holders ever share one fence number.
        // The signal row is read FOR SHARE: a claim committing meanwhile is seen, not the statement's older snapshot.
        // A position another host holds under a live lease (a fan-out helper, fill confirmation, an unknown outcome's
        // backoff) is not taken: the owner waits for it.
        BeginSubmitCondition = $"status IN ('RESERVED', 'SUBMITTED') AND (lease_expires_at IS NULL OR lease_expires_at <= now()) "
            + $"AND EXISTS (SELECT 1 FROM {Signals} s WHERE s.id = {Positions}.signal_id AND s.status = 'EXECUTING' AND s.fence = $2 FOR SHARE)";

        // A wide fan-out's RESERVED orders, claimed by any host in chunks: each keeps RESERVED with its own fence raised
        // and its own lease, so the owner's BeginSubmit and other hosts skip it until that lease lapses.
        ClaimFanOutItems = $"""
            WITH c AS (
                SELECT p.id FROM {Positions} p
                WHERE p.status = 'RESERVED' AND (p.lease_expires_at IS NULL OR p.lease_expires_at <= now())
                  AND EXISTS (SELECT 1 FROM {Signals} s WHERE s.id = p.signal_id AND s.status = 'EXECUTING')
                ORDER BY p.opened_at, p.id
                LIMIT $1
                FOR UPDATE OF p SKIP LOCKED)
            UPDATE {Positions} p SET fence = p.fence + 1, lease_expires_at = now() + $2
            FROM c WHERE p.id = c.id
            RETURNING {Columns.Prefixed(Columns.Position, "p")}
            """;

        // The helper's heartbeat: leases of its items whose orders are out, under the fences it holds (leases by now()).
        RenewFanOutItems = $"UPDATE {Positions} p SET lease_expires_at = now() + $3 FROM unnest($1::uuid[], $2::bigint[]) AS i (id, fence) "
            + "WHERE p.id = i.id AND p.fence = i.fence AND p.status = 'SUBMITTED'";

        // Execution snapshots of one signal or of several read together: the signals, then their agents' deployments. The
        // agents are looked up first, once (an init plan), then their deployments by the (agent_id, wallet) index: as a
        // semi-join the generic plan read every signal of each deployment's agent, a cost growing with the agent's history.
        SnapshotSignals = $"SELECT {Columns.Signal} FROM {Signals} WHERE id = ANY($1)";
        SnapshotDeployments = $"SELECT {DeploymentColumns} FROM {Deployments} d WHERE d.agent_id = ANY (ARRAY(SELECT DISTINCT agent_id FROM {Signals} WHERE id = ANY($1))) AND d.status = $2 ORDER BY d.created_at, d.id";

        // Leases are judged by the database clock, so clock skew between hosts cannot hand live work to a second host.
        ClaimOne = $"UPDATE {Signals} SET status = 'EXECUTING', lease_expires_at = now() + $2, attempts = attempts + 1, fence = fence + 1 "
            + "WHERE id = $1 AND (status = 'PENDING' OR (status = 'EXECUTING' AND lease_expires_at <= now())) "
            + $"RETURNING {Columns.Signal}";
        ClaimMany = $"""
            WITH c AS (
                SELECT id FROM {Signals}
                WHERE status IN ('PENDING', 'EXECUTING') AND (status = 'PENDING' OR lease_expires_at <= now())
                ORDER BY created_at, id
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            UPDATE {Signals} s SET status = 'EXECUTING', lease_expires_at = now() + $2, attempts = s.attempts + 1, fence = s.fence + 1
            FROM c WHERE s.id = c.id
            RETURNING {Columns.Prefixed(Columns.Signal, "s")}
            """;

        // Positions whose claim lapsed (or that were never claimed), oldest first, skipping rows other hosts hold;
        // SUBMITTED ones only once their signal's executor is gone (it resumes them itself while it lives).
        ClaimPositions = $"""
            WITH c AS (
                SELECT p.id FROM {Positions} p
                WHERE p.status = $1 AND (p.lease_expires_at IS NULL OR p.lease_expires_at <= now())
                  AND ($1 = 'PENDING_FILL' OR NOT EXISTS (SELECT 1 FROM {Signals} s WHERE s.id = p.signal_id AND s.status = 'EXECUTING' AND s.lease_expires_at > now()))
                ORDER BY p.opened_at, p.id
                LIMIT $2
                FOR UPDATE OF p SKIP LOCKED)
            UPDATE {Positions} p SET fence = p.fence + 1, lease_expires_at = now() + $3
            FROM c WHERE p.id = c.id
            RETURNING {Columns.Prefixed(Columns.Position, "p")}
            """;
    }

    public string Agents { get; }

    public string Deployments { get; }

    public string Wallets { get; }

    public string DeploymentColumns { get; }

    public string Signals { get; }

    public string Positions { get; }

    public string Configs { get; }

    public string History { get; }

    public string Policies { get; }

    public string Cursors { get; }

    /// <summary>Cast suffix turning a text parameter into the schema's venue enum.</summary>
    public string Venue { get; }

    /// <summary>Cast suffix turning a text[] parameter into an array of the venue enum.</summary>
    public string VenueArray { get; }

    public string InsertAgent { get; }

    public string InsertSignal { get; }

    public string InsertRouting { get; }

    public string UpsertPolicy { get; }

    public string Reserve { get; }

    public string ClaimOne { get; }

    public string ClaimMany { get; }

    public string LockDeployment { get; }

    public string ClaimPositions { get; }

    public string ClaimWithReservations { get; }

    public string RecordOutcomes { get; }

    public string SnapshotSignals { get; }

    /// <summary>The condition of BeginSubmitAsync's fenced update ($2: the signal's claim).</summary>
    public string BeginSubmitCondition { get; }

    /// <summary>Claims RESERVED work items of wide fan-outs ($1: how many, $2: their lease).</summary>
    public string ClaimFanOutItems { get; }

    /// <summary>Renews claimed work items' leases ($1: ids, $2: their fences, $3: the lease).</summary>
    public string RenewFanOutItems { get; }

    public string SnapshotDeployments { get; }
}
