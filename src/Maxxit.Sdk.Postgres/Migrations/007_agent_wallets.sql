-- Agent wallets move to one row per (deployment, venue), so that a venue the SDK has never heard of needs no columns
-- of its own. Every wallet of the old columns (hyperliquid_*, ostium_*, other_agent_wallets) is copied with its
-- encrypted key triple and key id. The old columns stay (deprecated: no longer read or written, except that rotating a
-- key clears its old copy), so nothing is dropped and the migration can be checked against them.
CREATE TABLE agent_wallets_v3 (
    deployment_id   uuid NOT NULL REFERENCES agent_deployments_v3 (id),
    venue           venue_v3_t NOT NULL CHECK (venue <> 'MULTI'),
    agent_address   text NOT NULL,
    key_ciphertext  text,
    key_iv          text,
    key_tag         text,
    key_id          text,
    PRIMARY KEY (deployment_id, venue),
    -- An encrypted key is all three parts or none; a key id belongs to a key.
    CHECK ((key_ciphertext IS NULL) = (key_iv IS NULL) AND (key_iv IS NULL) = (key_tag IS NULL)),
    CHECK (key_id IS NULL OR key_ciphertext IS NOT NULL)
);

-- Rotation pages through the deployments that hold keys.
CREATE INDEX agent_wallets_v3_keyed_idx ON agent_wallets_v3 (deployment_id) WHERE key_ciphertext IS NOT NULL;

INSERT INTO agent_wallets_v3 (deployment_id, venue, agent_address, key_ciphertext, key_iv, key_tag, key_id)
SELECT id, 'HYPERLIQUID', hyperliquid_agent_address, hyperliquid_key_ciphertext, hyperliquid_key_iv, hyperliquid_key_tag, hyperliquid_key_id
FROM agent_deployments_v3 WHERE hyperliquid_agent_address IS NOT NULL;

INSERT INTO agent_wallets_v3 (deployment_id, venue, agent_address, key_ciphertext, key_iv, key_tag, key_id)
SELECT id, 'OSTIUM', ostium_agent_address, ostium_key_ciphertext, ostium_key_iv, ostium_key_tag, ostium_key_id
FROM agent_deployments_v3 WHERE ostium_agent_address IS NOT NULL;

INSERT INTO agent_wallets_v3 (deployment_id, venue, agent_address, key_ciphertext, key_iv, key_tag, key_id)
SELECT d.id, w.key::venue_v3_t, w.value ->> 'address', w.value -> 'encrypted_key' ->> 'ciphertext', w.value -> 'encrypted_key' ->> 'iv',
       w.value -> 'encrypted_key' ->> 'tag', w.value -> 'encrypted_key' ->> 'key_id'
FROM agent_deployments_v3 d, jsonb_each(d.other_agent_wallets) AS w
WHERE w.value ->> 'address' IS NOT NULL
ON CONFLICT (deployment_id, venue) DO NOTHING;

COMMENT ON COLUMN agent_deployments_v3.hyperliquid_agent_address IS 'Deprecated since migration 007: agent_wallets_v3 holds the agent wallets.';
COMMENT ON COLUMN agent_deployments_v3.ostium_agent_address IS 'Deprecated since migration 007: agent_wallets_v3 holds the agent wallets.';
COMMENT ON COLUMN agent_deployments_v3.other_agent_wallets IS 'Deprecated since migration 007: agent_wallets_v3 holds the agent wallets.';
