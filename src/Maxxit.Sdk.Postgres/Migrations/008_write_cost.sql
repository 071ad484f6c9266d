-- The write cost of executing a signal (issue 13). Every index named below was checked against the store's queries
-- (docs/postgres.md, "Indexes", lists which query uses each); only the one no query reads is dropped.
--
-- Free space on each page, so that an update which changes no indexed column (a lease or fence renewal, a trailing
-- stop's best price, a counter) can stay on its page as a HOT update: no new index entries, no index bloat. A status
-- change still writes new index entries: the live/claimable partial indexes reference status. Existing pages keep
-- their fill until they are rewritten; new pages use the setting.
ALTER TABLE positions_v3 SET (fillfactor = 80);
ALTER TABLE signals_v3 SET (fillfactor = 90);
ALTER TABLE stats_counters_v3 SET (fillfactor = 50);

-- Rejections are counted by the stats counters (migration 005); no query filters policy decisions by rejected_by.
DROP INDEX IF EXISTS policy_decisions_v3_rejected_idx;

-- The counter functions of migration 005, unchanged except for the shard: 64 instead of 16. Two connections whose
-- backend pids fall on the same shard wait on each other's counter rows until the first commits; with 16 shards and
-- 16 busy connections most writers shared a shard. Readers sum the shards, so the old rows (shards 0-15) stay valid.
CREATE OR REPLACE FUNCTION stats_agents_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'agents' AS metric, '' AS scope, status AS key, 1 AS n, 0::numeric AS amount FROM new_rows
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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

CREATE OR REPLACE FUNCTION stats_deployments_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
        FROM (
                SELECT 'deployments' AS metric, '' AS scope, '' AS key, 1 AS n, 0::numeric AS amount FROM new_rows
        ) AS delta
        GROUP BY metric, scope, key
        HAVING sum(n) <> 0 OR sum(amount) <> 0
        ORDER BY metric, scope, key
        ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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

CREATE OR REPLACE FUNCTION stats_signals_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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

CREATE OR REPLACE FUNCTION stats_positions_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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

CREATE OR REPLACE FUNCTION stats_routing_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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

CREATE OR REPLACE FUNCTION stats_policies_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
        SELECT metric, scope, key, (pg_backend_pid() % 64)::smallint, sum(n), sum(amount)
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
