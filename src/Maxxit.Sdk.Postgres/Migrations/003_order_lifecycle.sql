-- The explicit order lifecycle: OPENING becomes RESERVED, and the states a real venue needs are added (SUBMITTED,
-- PENDING_FILL, CANCELLED, NEEDS_RECONCILIATION).
ALTER TABLE positions_v3 DROP CONSTRAINT IF EXISTS positions_v3_status_check;
UPDATE positions_v3 SET status = CASE WHEN submission_id IS NULL THEN 'RESERVED' ELSE 'SUBMITTED' END WHERE status = 'OPENING';
ALTER TABLE positions_v3 ADD CONSTRAINT positions_v3_status_check
    CHECK (status IN ('RESERVED', 'SUBMITTED', 'PENDING_FILL', 'OPEN', 'CLOSING', 'CLOSED', 'CANCELLED', 'FAILED', 'NEEDS_RECONCILIATION'));
DROP INDEX IF EXISTS positions_v3_live_idx;
CREATE INDEX positions_v3_live_idx ON positions_v3 (status, opened_at, id) WHERE status IN ('RESERVED', 'SUBMITTED', 'PENDING_FILL', 'OPEN', 'CLOSING');

-- Fencing: every claim (of a signal by an executor, of a position by a closer or by fill confirmation) takes a new
-- token, and every state change is written only under the current one.
ALTER TABLE signals_v3 ADD COLUMN fence bigint NOT NULL DEFAULT 0;
ALTER TABLE positions_v3 ADD COLUMN fence bigint NOT NULL DEFAULT 0;
-- Unknown outcomes asked again (bounded), close attempts (each with its own client order id), a close filled later,
-- and the notional an order in flight counts at in policy limits.
ALTER TABLE positions_v3 ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE positions_v3 ADD COLUMN close_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE positions_v3 ADD COLUMN close_pending boolean NOT NULL DEFAULT false;
ALTER TABLE positions_v3 ADD COLUMN intended_notional numeric NOT NULL DEFAULT 0;

-- Exactly one audit row per (signal, deployment) decision, also after a crash and resume. Duplicates written before
-- this migration are folded into the earliest row.
DELETE FROM venue_routing_history_v3 h USING venue_routing_history_v3 e
WHERE h.deployment_id IS NOT NULL AND h.signal_id = e.signal_id AND h.deployment_id = e.deployment_id
  AND (h.created_at, h.id) > (e.created_at, e.id);
CREATE UNIQUE INDEX venue_routing_history_v3_decision_key ON venue_routing_history_v3 (signal_id, deployment_id);

-- Routing by expected execution cost beside first-available.
ALTER TABLE venue_routing_config_v3 DROP CONSTRAINT IF EXISTS venue_routing_config_v3_routing_strategy_check;
ALTER TABLE venue_routing_config_v3 ADD CONSTRAINT venue_routing_config_v3_routing_strategy_check
    CHECK (routing_strategy IN ('FIRST_AVAILABLE', 'BEST_EXECUTION'));
