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
        InsertDeployment = $"INSERT INTO {Deployments} (id, agent_id, user_wallet, status, sub_active, hyperliquid_agent_address, hyperliquid_key_ciphertext, hyperliquid_key_iv, hyperliquid_key_tag, "
            + "ostium_agent_address, ostium_key_ciphertext, ostium_key_iv, ostium_key_tag, other_agent_wallets, policy, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
        InsertSignal = $"INSERT INTO {Signals} (id, agent_id, token_symbol, side, size_model, risk_model, confidence, requested_venue, final_venue, routed_at, source_tweets, source_research, reasoning, status, skipped_reason, executed_at, lease_expires_at, created_at) "
            + $"VALUES ($1, $2, $3, $4, $5, $6, $7, $8{Venue}, $9{Venue}, $10, $11, $12, $13, $14, $15, $16, $17, $18)";
        // The audit table has no foreign keys (see the migration); the ids are checked here instead, without row locks.
        InsertRouting = $"INSERT INTO {History} (id, signal_id, deployment_id, token_symbol, requested_venue, selected_venue, routing_reason, checked_venues, venue_availability, routing_duration_ms, created_at) "
            + $"SELECT $1, $2, $3, $4, $5{Venue}, $6{Venue}, $7, $8{VenueArray}, $9, $10, $11 "
            + $"WHERE EXISTS (SELECT 1 FROM {Signals} WHERE id = $2) AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM {Deployments} WHERE id = $3))";
        UpsertPolicy = $"INSERT INTO {Policies} (signal_id, deployment_id, outcome, adjustments, rejected_by, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
            + "ON CONFLICT (signal_id, deployment_id) DO UPDATE SET outcome = EXCLUDED.outcome, adjustments = EXCLUDED.adjustments, rejected_by = EXCLUDED.rejected_by, reason = EXCLUDED.reason, created_at = EXCLUDED.created_at";

        // One statement, so one round trip and atomic: the audit row and policy record are written only when the
        // position was; a concurrent reservation of the same (signal, deployment) waits on the unique key and writes nothing.
        Reserve = $"""
            WITH p AS (
                INSERT INTO {Positions} (id, deployment_id, signal_id, venue, token_symbol, side, qty, entry_price, size_percent, leverage, collateral_usd, stop_loss, take_profit,
                    trailing_params, status, pnl, fees_usd, exit_price, close_reason, client_order_id, venue_order_id, submission_id, failure_reason, lease_expires_at, opened_at, closed_at)
                VALUES ($1, $2, $3, $4{Venue}, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
                ON CONFLICT (signal_id, deployment_id) DO NOTHING
                RETURNING id),
            h AS (
                INSERT INTO {History} (id, signal_id, deployment_id, token_symbol, requested_venue, selected_venue, routing_reason, checked_venues, venue_availability, routing_duration_ms, created_at)
                SELECT $27, $28, $29, $30, $31{Venue}, $32{Venue}, $33, $34{VenueArray}, $35, $36, $37 WHERE EXISTS (SELECT 1 FROM p)),
            d AS (
                INSERT INTO {Policies} (signal_id, deployment_id, outcome, adjustments, rejected_by, reason, created_at)
                SELECT $38, $39, $40, $41, $42, $43, $44 WHERE EXISTS (SELECT 1 FROM p)
                ON CONFLICT (signal_id, deployment_id) DO UPDATE SET outcome = EXCLUDED.outcome, adjustments = EXCLUDED.adjustments,
                    rejected_by = EXCLUDED.rejected_by, reason = EXCLUDED.reason, created_at = EXCLUDED.created_at)
            SELECT count(*)::int FROM p
            """;

        ClaimOne = $"UPDATE {Signals} SET status = 'EXECUTING', lease_expires_at = $2, attempts = attempts + 1 "
            + "WHERE id = $1 AND (status = 'PENDING' OR (status = 'EXECUTING' AND lease_expires_at <= $3)) "
            + $"RETURNING {Columns.Signal}";
        ClaimMany = $"""
            WITH c AS (
                SELECT id FROM {Signals}
                WHERE status IN ('PENDING', 'EXECUTING') AND (status = 'PENDING' OR lease_expires_at <= $1)
                ORDER BY created_at, id
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE {Signals} s SET status = 'EXECUTING', lease_expires_at = $3, attempts = s.attempts + 1
            FROM c WHERE s.id = c.id
            RETURNING {Columns.Prefixed(Columns.Signal, "s")}
            """;
    }

    public string Agents { get; }

    public string Deployments { get; }

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

    public string InsertDeployment { get; }

    public string InsertSignal { get; }

    public string InsertRouting { get; }

    public string UpsertPolicy { get; }

    public string Reserve { get; }

    public string ClaimOne { get; }

    public string ClaimMany { get; }
}
