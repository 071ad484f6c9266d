-- What the SDK records beyond the original six tables: the policy decision per (signal, deployment), and how far the
-- signal worker has read each agent's sources. Both are our own tables, created in the target schema only.

CREATE TABLE policy_decisions_v3 (
    signal_id      uuid NOT NULL REFERENCES signals_v3 (id),
    deployment_id  uuid NOT NULL REFERENCES agent_deployments_v3 (id),
    outcome        text NOT NULL CHECK (outcome IN ('ACCEPTED', 'ADJUSTED', 'REJECTED')),
    adjustments    jsonb NOT NULL DEFAULT '[]',
    rejected_by    text,
    reason         text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (signal_id, deployment_id)
);
CREATE INDEX policy_decisions_v3_rejected_idx ON policy_decisions_v3 (rejected_by) WHERE outcome = 'REJECTED';

CREATE TABLE agent_source_cursors_v3 (
    agent_id    uuid PRIMARY KEY REFERENCES agents_v3 (id),
    positions   jsonb NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now()
);
