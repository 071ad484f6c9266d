-- Counters behind the overview, the routing-history summary and the per-agent figures, kept by triggers in the same
-- transaction as the rows they count, so they are always consistent with the rows and a stats read is a few index
-- lookups instead of a count(*) / GROUP BY over the whole tables.
--
-- metric   what is counted                           scope             key
-- agents               agents_v3 rows                ''                status
-- deployments          agent_deployments_v3 rows     ''                ''
-- signals              signals_v3 rows               ''                ''
-- agent_signals        signals_v3 rows               agent id          ''
-- positions            positions_v3 rows (amount: sum of pnl)  ''      status
-- agent_positions      positions_v3 rows (amount: sum of pnl)  agent id status
-- agent_pnl_day        CLOSED positions (amount: sum of pnl)   agent id closed_at day (UTC, YYYY-MM-DD)
-- routing              venue_routing_history_v3 rows (amount: sum of routing_duration_ms)  ''            selected venue ('' = none)
-- routing_token        the same, per token                                                  token symbol  selected venue
-- policy_rejected      REJECTED policy_decisions_v3 rows                                    ''            rejected_by ('unknown' when null)
--
-- The triggers are per statement, over its transition tables: a statement writing many rows (a batch reservation, a
-- bulk load) adds one aggregated delta per counter, not one update per row. Each writing connection adds to its own
-- shard (backend pid mod 16), so concurrent writers rarely wait on one counter row, and always lock counters in the
-- same order; readers sum the shards.
CREATE TABLE stats_counters_v3 (
    metric text     NOT NULL,
    scope  text     NOT NULL DEFAULT '',
    key    text     NOT NULL DEFAULT '',
    shard  smallint NOT NULL DEFAULT 0,
    n      bigint   NOT NULL DEFAULT 0,
    amount numeric  NOT NULL DEFAULT 0,
    PRIMARY KEY (metric, scope, key, shard)
);

-- SET search_path FROM CURRENT pins the functions to this schema (the migration runs with search_path set to it), so a
-- trigger fired from a session with any search_path updates this schema's counters. Every statement in them is static,
-- so PL/pgSQL plans it once per connection. Each adds the statement's rows (+1 from new_rows, -1 from old_rows),
-- grouped per counter, skipping net-zero deltas, in a fixed order so that two writers lock counters in the same order.

CREATE FUNCTION stats_agents_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'agents' AS metric, '' AS scope, status AS key, 1 AS n, 0::numeric AS amount FROM new_rows
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'agents' AS metric, '' AS scope, status AS key, 1 AS n, 0::numeric AS amount FROM new_rows
                UNION ALL SELECT 'agents', '', status, -1, 0::numeric FROM old_rows
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'agents' AS metric, '' AS scope, status AS key, -1 AS n, 0::numeric AS amount FROM old_rows
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stats_deployments_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'deployments' AS metric, '' AS scope, '' AS key, 1 AS n, 0::numeric AS amount FROM new_rows
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'deployments' AS metric, '' AS scope, '' AS key, -1 AS n, 0::numeric AS amount FROM old_rows
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stats_signals_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT m.metric, m.scope, '' AS key, 1 AS n, 0::numeric AS amount
                FROM new_rows s CROSS JOIN LATERAL (VALUES ('signals', ''), ('agent_signals', s.agent_id::text)) AS m (metric, scope)
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT m.metric, m.scope, '' AS key, -1 AS n, 0::numeric AS amount
                FROM old_rows s CROSS JOIN LATERAL (VALUES ('signals', ''), ('agent_signals', s.agent_id::text)) AS m (metric, scope)
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

-- A position counts under its state system-wide and for its agent, and a CLOSED one under its day of closing. An
-- update that changes none of status, pnl, closed_at or deployment (a trailing-stop or lease update) nets to zero and
-- writes nothing.
CREATE FUNCTION stats_positions_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT m.metric, m.scope, m.key, 1 AS n, coalesce(p.pnl, 0) AS amount
                FROM new_rows p
                LEFT JOIN agent_deployments_v3 d ON d.id = p.deployment_id
                CROSS JOIN LATERAL (VALUES
                    ('positions', '', p.status),
                    ('agent_positions', d.agent_id::text, p.status),
                    ('agent_pnl_day', d.agent_id::text, CASE WHEN p.status = 'CLOSED' THEN to_char(coalesce(p.closed_at, p.opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') END)
                ) AS m (metric, scope, key)
                WHERE m.scope IS NOT NULL AND m.key IS NOT NULL
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT m.metric, m.scope, m.key, 1 AS n, coalesce(p.pnl, 0) AS amount
                FROM new_rows p
                LEFT JOIN agent_deployments_v3 d ON d.id = p.deployment_id
                CROSS JOIN LATERAL (VALUES
                    ('positions', '', p.status),
                    ('agent_positions', d.agent_id::text, p.status),
                    ('agent_pnl_day', d.agent_id::text, CASE WHEN p.status = 'CLOSED' THEN to_char(coalesce(p.closed_at, p.opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') END)
                ) AS m (metric, scope, key)
                WHERE m.scope IS NOT NULL AND m.key IS NOT NULL
                UNION ALL
                SELECT m.metric, m.scope, m.key, -1 AS n, -coalesce(p.pnl, 0) AS amount
                FROM old_rows p
                LEFT JOIN agent_deployments_v3 d ON d.id = p.deployment_id
                CROSS JOIN LATERAL (VALUES
                    ('positions', '', p.status),
                    ('agent_positions', d.agent_id::text, p.status),
                    ('agent_pnl_day', d.agent_id::text, CASE WHEN p.status = 'CLOSED' THEN to_char(coalesce(p.closed_at, p.opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') END)
                ) AS m (metric, scope, key)
                WHERE m.scope IS NOT NULL AND m.key IS NOT NULL
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT m.metric, m.scope, m.key, -1 AS n, -coalesce(p.pnl, 0) AS amount
                FROM old_rows p
                LEFT JOIN agent_deployments_v3 d ON d.id = p.deployment_id
                CROSS JOIN LATERAL (VALUES
                    ('positions', '', p.status),
                    ('agent_positions', d.agent_id::text, p.status),
                    ('agent_pnl_day', d.agent_id::text, CASE WHEN p.status = 'CLOSED' THEN to_char(coalesce(p.closed_at, p.opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') END)
                ) AS m (metric, scope, key)
                WHERE m.scope IS NOT NULL AND m.key IS NOT NULL
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stats_routing_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT m.metric, m.scope, coalesce(r.selected_venue::text, '') AS key, 1 AS n, r.routing_duration_ms::numeric AS amount
                FROM new_rows r CROSS JOIN LATERAL (VALUES ('routing', ''), ('routing_token', r.token_symbol)) AS m (metric, scope)
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT m.metric, m.scope, coalesce(r.selected_venue::text, '') AS key, -1 AS n, -r.routing_duration_ms::numeric AS amount
                FROM old_rows r CROSS JOIN LATERAL (VALUES ('routing', ''), ('routing_token', r.token_symbol)) AS m (metric, scope)
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stats_policies_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'policy_rejected' AS metric, '' AS scope, coalesce(rejected_by, 'unknown') AS key, 1 AS n, 0::numeric AS amount
                FROM new_rows WHERE outcome = 'REJECTED'
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'policy_rejected' AS metric, '' AS scope, coalesce(rejected_by, 'unknown') AS key, 1 AS n, 0::numeric AS amount
                FROM new_rows WHERE outcome = 'REJECTED'
                UNION ALL
                SELECT 'policy_rejected' AS metric, '' AS scope, coalesce(rejected_by, 'unknown') AS key, -1 AS n, 0::numeric AS amount
                FROM old_rows WHERE outcome = 'REJECTED'
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 16)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'policy_rejected' AS metric, '' AS scope, coalesce(rejected_by, 'unknown') AS key, -1 AS n, 0::numeric AS amount
                FROM old_rows WHERE outcome = 'REJECTED'
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

-- TRUNCATE fires no row triggers: forget the truncated table's counters.
CREATE FUNCTION stats_truncate_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM stats_counters_v3 WHERE metric = ANY (TG_ARGV);
    RETURN NULL;
END $$;

-- No writer may slip between the backfill and the triggers.
LOCK TABLE agents_v3, agent_deployments_v3, signals_v3, positions_v3, venue_routing_history_v3, policy_decisions_v3 IN SHARE MODE;

CREATE TRIGGER stats_agents_insert_v3 AFTER INSERT ON agents_v3 REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_agents_v3();
CREATE TRIGGER stats_agents_update_v3 AFTER UPDATE ON agents_v3 REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_agents_v3();
CREATE TRIGGER stats_agents_delete_v3 AFTER DELETE ON agents_v3 REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_agents_v3();
CREATE TRIGGER stats_deployments_insert_v3 AFTER INSERT ON agent_deployments_v3 REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_deployments_v3();
CREATE TRIGGER stats_deployments_delete_v3 AFTER DELETE ON agent_deployments_v3 REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_deployments_v3();
CREATE TRIGGER stats_signals_insert_v3 AFTER INSERT ON signals_v3 REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_signals_v3();
CREATE TRIGGER stats_signals_delete_v3 AFTER DELETE ON signals_v3 REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_signals_v3();
CREATE TRIGGER stats_positions_insert_v3 AFTER INSERT ON positions_v3 REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_positions_v3();
CREATE TRIGGER stats_positions_update_v3 AFTER UPDATE ON positions_v3 REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_positions_v3();
CREATE TRIGGER stats_positions_delete_v3 AFTER DELETE ON positions_v3 REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_positions_v3();
CREATE TRIGGER stats_routing_insert_v3 AFTER INSERT ON venue_routing_history_v3 REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_routing_v3();
CREATE TRIGGER stats_routing_delete_v3 AFTER DELETE ON venue_routing_history_v3 REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_routing_v3();
CREATE TRIGGER stats_policies_insert_v3 AFTER INSERT ON policy_decisions_v3 REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_policies_v3();
CREATE TRIGGER stats_policies_update_v3 AFTER UPDATE ON policy_decisions_v3 REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_policies_v3();
CREATE TRIGGER stats_policies_delete_v3 AFTER DELETE ON policy_decisions_v3 REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stats_policies_v3();

CREATE TRIGGER stats_agents_truncate_v3 AFTER TRUNCATE ON agents_v3 FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_v3('agents');
CREATE TRIGGER stats_deployments_truncate_v3 AFTER TRUNCATE ON agent_deployments_v3 FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_v3('deployments');
CREATE TRIGGER stats_signals_truncate_v3 AFTER TRUNCATE ON signals_v3 FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_v3('signals', 'agent_signals');
CREATE TRIGGER stats_positions_truncate_v3 AFTER TRUNCATE ON positions_v3 FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_v3('positions', 'agent_positions', 'agent_pnl_day');
CREATE TRIGGER stats_routing_truncate_v3 AFTER TRUNCATE ON venue_routing_history_v3 FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_v3('routing', 'routing_token');
CREATE TRIGGER stats_policies_truncate_v3 AFTER TRUNCATE ON policy_decisions_v3 FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_v3('policy_rejected');

-- Backfill from the rows already there (shard 0).
INSERT INTO stats_counters_v3 (metric, scope, key, n, amount)
SELECT 'agents', '', status, count(*), 0 FROM agents_v3 GROUP BY status
UNION ALL SELECT 'deployments', '', '', count(*), 0 FROM agent_deployments_v3 HAVING count(*) > 0
UNION ALL SELECT 'signals', '', '', count(*), 0 FROM signals_v3 HAVING count(*) > 0
UNION ALL SELECT 'agent_signals', agent_id::text, '', count(*), 0 FROM signals_v3 GROUP BY agent_id
UNION ALL SELECT 'positions', '', status, count(*), coalesce(sum(pnl), 0) FROM positions_v3 GROUP BY status
UNION ALL SELECT 'agent_positions', d.agent_id::text, p.status, count(*), coalesce(sum(p.pnl), 0)
    FROM positions_v3 p JOIN agent_deployments_v3 d ON d.id = p.deployment_id GROUP BY d.agent_id, p.status
UNION ALL SELECT 'agent_pnl_day', d.agent_id::text, to_char(coalesce(p.closed_at, p.opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*), coalesce(sum(p.pnl), 0)
    FROM positions_v3 p JOIN agent_deployments_v3 d ON d.id = p.deployment_id WHERE p.status = 'CLOSED' GROUP BY 2, 3
UNION ALL SELECT 'routing', '', coalesce(selected_venue::text, ''), count(*), coalesce(sum(routing_duration_ms), 0)
    FROM venue_routing_history_v3 GROUP BY selected_venue
UNION ALL SELECT 'routing_token', token_symbol, coalesce(selected_venue::text, ''), count(*), coalesce(sum(routing_duration_ms), 0)
    FROM venue_routing_history_v3 GROUP BY token_symbol, selected_venue
UNION ALL SELECT 'policy_rejected', '', coalesce(rejected_by, 'unknown'), count(*), 0
    FROM policy_decisions_v3 WHERE outcome = 'REJECTED' GROUP BY 3;
