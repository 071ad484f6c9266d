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
-- Each writing connection adds to its own shard (backend pid mod 16), so concurrent writers rarely wait on one counter
-- row; readers sum the shards.
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
-- trigger fired from a session with any search_path updates this schema's counters.
CREATE FUNCTION stats_bump_v3(p_metric text, p_scope text, p_key text, p_n bigint, p_amount numeric) RETURNS void
LANGUAGE sql SET search_path FROM CURRENT AS $$
    INSERT INTO stats_counters_v3 AS c (metric, scope, key, shard, n, amount)
    VALUES (p_metric, p_scope, p_key, (pg_backend_pid() % 16)::smallint, p_n, p_amount)
    ON CONFLICT (metric, scope, key, shard) DO UPDATE SET n = c.n + EXCLUDED.n, amount = c.amount + EXCLUDED.amount;
$$;

CREATE FUNCTION stats_agents_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM stats_bump_v3('agents', '', OLD.status, -1, 0);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM stats_bump_v3('agents', '', NEW.status, 1, 0);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stats_deployments_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM stats_bump_v3('deployments', '', '', CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END, 0);
    RETURN NULL;
END $$;

CREATE FUNCTION stats_signals_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    r signals_v3;
    d bigint := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
    IF TG_OP = 'INSERT' THEN r := NEW; ELSE r := OLD; END IF;
    PERFORM stats_bump_v3('signals', '', '', d, 0);
    PERFORM stats_bump_v3('agent_signals', r.agent_id::text, '', d, 0);
    RETURN NULL;
END $$;

-- One position's contribution, added (sign 1) or taken back (sign -1).
CREATE FUNCTION stats_position_v3(p positions_v3, dir bigint) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    agent text;
    pnl numeric := coalesce(p.pnl, 0);
BEGIN
    SELECT agent_id::text INTO agent FROM agent_deployments_v3 WHERE id = p.deployment_id;
    PERFORM stats_bump_v3('positions', '', p.status, dir, dir * pnl);
    IF agent IS NOT NULL THEN
        PERFORM stats_bump_v3('agent_positions', agent, p.status, dir, dir * pnl);
        IF p.status = 'CLOSED' THEN
            PERFORM stats_bump_v3('agent_pnl_day', agent, to_char(coalesce(p.closed_at, p.opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), dir, dir * pnl);
        END IF;
    END IF;
END $$;

CREATE FUNCTION stats_positions_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM stats_position_v3(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM stats_position_v3(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stats_routing_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    r venue_routing_history_v3;
    d bigint := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
    IF TG_OP = 'INSERT' THEN r := NEW; ELSE r := OLD; END IF;
    PERFORM stats_bump_v3('routing', '', coalesce(r.selected_venue::text, ''), d, (d * r.routing_duration_ms)::numeric);
    PERFORM stats_bump_v3('routing_token', r.token_symbol, coalesce(r.selected_venue::text, ''), d, (d * r.routing_duration_ms)::numeric);
    RETURN NULL;
END $$;

CREATE FUNCTION stats_policies_v3() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.outcome = 'REJECTED' THEN
        PERFORM stats_bump_v3('policy_rejected', '', coalesce(OLD.rejected_by, 'unknown'), -1, 0);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.outcome = 'REJECTED' THEN
        PERFORM stats_bump_v3('policy_rejected', '', coalesce(NEW.rejected_by, 'unknown'), 1, 0);
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

CREATE TRIGGER stats_agents_v3 AFTER INSERT OR DELETE OR UPDATE OF status ON agents_v3
    FOR EACH ROW EXECUTE FUNCTION stats_agents_v3();
CREATE TRIGGER stats_deployments_v3 AFTER INSERT OR DELETE ON agent_deployments_v3
    FOR EACH ROW EXECUTE FUNCTION stats_deployments_v3();
CREATE TRIGGER stats_signals_v3 AFTER INSERT OR DELETE ON signals_v3
    FOR EACH ROW EXECUTE FUNCTION stats_signals_v3();
CREATE TRIGGER stats_positions_v3 AFTER INSERT OR DELETE ON positions_v3
    FOR EACH ROW EXECUTE FUNCTION stats_positions_v3();
-- Trailing-stop and lease updates change none of these columns and cost nothing here.
CREATE TRIGGER stats_positions_update_v3 AFTER UPDATE OF status, pnl, closed_at, deployment_id ON positions_v3
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.pnl IS DISTINCT FROM NEW.pnl
                       OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.deployment_id IS DISTINCT FROM NEW.deployment_id)
    EXECUTE FUNCTION stats_positions_v3();
CREATE TRIGGER stats_routing_v3 AFTER INSERT OR DELETE ON venue_routing_history_v3
    FOR EACH ROW EXECUTE FUNCTION stats_routing_v3();
CREATE TRIGGER stats_policies_v3 AFTER INSERT OR DELETE OR UPDATE OF outcome, rejected_by ON policy_decisions_v3
    FOR EACH ROW EXECUTE FUNCTION stats_policies_v3();

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
