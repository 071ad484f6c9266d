-- Agent keys carry the id of the master key that encrypted them, and are bound (AES-GCM associated data) to their
-- deployment's user wallet, venue and agent address. Rows written before this migration keep a NULL key id: they are
-- legacy keys, decrypted without associated data under any configured master key until rotation re-encrypts them bound.
ALTER TABLE agent_deployments_v3 ADD COLUMN IF NOT EXISTS hyperliquid_key_id text;
ALTER TABLE agent_deployments_v3 ADD COLUMN IF NOT EXISTS ostium_key_id text;
ALTER TABLE agent_deployments_v3 DROP CONSTRAINT IF EXISTS agent_deployments_v3_key_id_check;
ALTER TABLE agent_deployments_v3 ADD CONSTRAINT agent_deployments_v3_key_id_check
    CHECK ((hyperliquid_key_id IS NULL OR hyperliquid_key_ciphertext IS NOT NULL) AND (ostium_key_id IS NULL OR ostium_key_ciphertext IS NOT NULL));
