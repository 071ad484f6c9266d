-- The explicit order lifecycle: OPENING becomes RESERVED, and the states a real venue needs are added (SUBMITTED,
-- PENDING_FILL, CANCELLED, NEEDS_RECONCILIATION).
ALTER TABLE positions_v3 DROP CONSTRAINT IF EXISTS positions_v3_status_check;
UPDATE positions_v3 SET status = CASE WHEN submission_id IS NULL THEN 'RESERVED' ELSE 'SUBMITTED' END WHERE status = 'OPENING';
ALTER TABLE positions_v3 ADD CONSTRAINT positions_v3_status_check
    CHECK (status IN ('RESERVED', 'SUBMITTED', 'PENDING_FILL', 'OPEN', 'CLOSING', 'CLOSED', 'CANCELLED', 'FAILED', 'NEEDS_RECONCILIATION'));
DROP INDEX IF EXISTS positions_v3_live_idx;
CREATE INDEX positions_v3_live_idx ON positions_v3 (status, opened_at, id) WHERE status IN ('RESERVED', 'SUBMITTED', 'PENDING_FILL', 'OPEN', 'CLOSING');
