-- Maxxit V3 schema: the venue enum and the six V3 tables. Runs with search_path set to the target schema only,
-- so every object below is created there and nothing outside it (an older system's agents/signals/positions) is touched.

CREATE TYPE venue_v3_t AS ENUM ('MULTI', 'HYPERLIQUID', 'OSTIUM', 'GMX', 'SPOT');

CREATE TABLE agents_v3 (
    id                      uuid PRIMARY KEY,
    creator_wallet          text NOT NULL,
    name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    venue                   venue_v3_t NOT NULL DEFAULT 'MULTI' CHECK (venue = 'MULTI'),
    status                  text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED')),
    x_account_ids           text[] NOT NULL DEFAULT '{}',
    research_institute_ids  text[] NOT NULL DEFAULT '{}',
    weights                 jsonb NOT NULL,
    apr_30d                 numeric,
    apr_90d                 numeric,
    sharpe_30d              numeric,
    profit_receiver_address text,
    created_at              timestamptz NOT NULL DEFAULT now()
);
-- Wallet filters compare case-insensitively (0xAbC… and 0xabc… are one wallet).
CREATE INDEX agents_v3_creator_wallet_idx ON agents_v3 (lower(creator_wallet), created_at DESC);
CREATE INDEX agents_v3_created_idx ON agents_v3 (created_at DESC);

CREATE TABLE agent_deployments_v3 (
    id                          uuid PRIMARY KEY,
    agent_id                    uuid NOT NULL REFERENCES agents_v3 (id),
    user_wallet                 text NOT NULL,
    status                      text NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    sub_active                  boolean NOT NULL DEFAULT true,
    hyperliquid_agent_address   text,
    hyperliquid_key_ciphertext  text,
    hyperliquid_key_iv          text,
    hyperliquid_key_tag         text,
    ostium_agent_address        text,
    ostium_key_ciphertext       text,
    ostium_key_iv               text,
    ostium_key_tag              text,
    -- Agent wallets of venues without their own columns (GMX, SPOT): {"GMX": {"address": …, "encrypted_key": {…}}}.
    other_agent_wallets         jsonb NOT NULL DEFAULT '{}',
    policy                      jsonb,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    -- An encrypted key is all three parts or none.
    CHECK ((hyperliquid_key_ciphertext IS NULL) = (hyperliquid_key_iv IS NULL) AND (hyperliquid_key_iv IS NULL) = (hyperliquid_key_tag IS NULL)),
    CHECK ((ostium_key_ciphertext IS NULL) = (ostium_key_iv IS NULL) AND (ostium_key_iv IS NULL) = (ostium_key_tag IS NULL))
);
-- One deployment per (agent, user wallet), the wallet compared case-insensitively.
CREATE UNIQUE INDEX agent_deployments_v3_agent_wallet_key ON agent_deployments_v3 (agent_id, lower(user_wallet));

CREATE TABLE signals_v3 (
    id                uuid PRIMARY KEY,
    agent_id          uuid NOT NULL REFERENCES agents_v3 (id),
    token_symbol      text NOT NULL CHECK (length(token_symbol) BETWEEN 1 AND 32),
    side              text NOT NULL CHECK (side IN ('LONG', 'SHORT')),
    size_model        jsonb NOT NULL,
    risk_model        jsonb NOT NULL,
    confidence        numeric NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    requested_venue   venue_v3_t NOT NULL DEFAULT 'MULTI',
    final_venue       venue_v3_t,
    routed_at         timestamptz,
    source_tweets     text[] NOT NULL DEFAULT '{}',
    source_research   text[] NOT NULL DEFAULT '{}',
    reasoning         text,
    status            text NOT NULL CHECK (status IN ('PENDING', 'EXECUTING', 'EXECUTED', 'SKIPPED', 'FAILED')),
    skipped_reason    text,
    executed_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    -- An EXECUTING signal whose lease has lapsed is claimed again by another executor.
    lease_expires_at  timestamptz,
    attempts          integer NOT NULL DEFAULT 0
);
CREATE INDEX signals_v3_agent_idx ON signals_v3 (agent_id, created_at);
-- Only claimable rows are indexed, so the claim query stays cheap however many signals are done.
CREATE INDEX signals_v3_claimable_idx ON signals_v3 (created_at, id) WHERE status IN ('PENDING', 'EXECUTING');

CREATE TABLE positions_v3 (
    id                uuid PRIMARY KEY,
    deployment_id     uuid NOT NULL REFERENCES agent_deployments_v3 (id),
    signal_id         uuid NOT NULL REFERENCES signals_v3 (id),
    venue             venue_v3_t NOT NULL CHECK (venue <> 'MULTI'),
    token_symbol      text NOT NULL,
    side              text NOT NULL CHECK (side IN ('LONG', 'SHORT')),
    qty               numeric NOT NULL DEFAULT 0 CHECK (qty >= 0),
    entry_price       numeric NOT NULL DEFAULT 0 CHECK (entry_price >= 0),
    size_percent      numeric NOT NULL DEFAULT 0,
    leverage          numeric NOT NULL DEFAULT 1 CHECK (leverage > 0),
    collateral_usd    numeric NOT NULL DEFAULT 0,
    stop_loss         numeric,
    take_profit       numeric,
    trailing_params   jsonb,
    status            text NOT NULL CHECK (status IN ('OPENING', 'OPEN', 'CLOSING', 'CLOSED', 'FAILED')),
    pnl               numeric,
    fees_usd          numeric NOT NULL DEFAULT 0,
    exit_price        numeric,
    close_reason      text CHECK (close_reason IN ('TRAILING_STOP', 'STOP_LOSS', 'TAKE_PROFIT', 'MANUAL', 'EXTERNAL')),
    client_order_id   text NOT NULL,
    venue_order_id    text,
    submission_id     text,
    failure_reason    text,
    lease_expires_at  timestamptz,
    opened_at         timestamptz NOT NULL DEFAULT now(),
    closed_at         timestamptz,
    -- The exactly-once guarantee: one position per (signal, deployment), whatever races between hosts.
    CONSTRAINT positions_v3_signal_deployment_key UNIQUE (signal_id, deployment_id)
);
CREATE INDEX positions_v3_deployment_idx ON positions_v3 (deployment_id, opened_at DESC);
CREATE INDEX positions_v3_opened_idx ON positions_v3 (opened_at DESC);
CREATE INDEX positions_v3_live_idx ON positions_v3 (status, opened_at DESC) WHERE status IN ('OPENING', 'OPEN', 'CLOSING');

CREATE TABLE venue_routing_config_v3 (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id          uuid REFERENCES agents_v3 (id),
    venue_priority    venue_v3_t[] NOT NULL CHECK (cardinality(venue_priority) > 0),
    routing_strategy  text NOT NULL DEFAULT 'FIRST_AVAILABLE' CHECK (routing_strategy IN ('FIRST_AVAILABLE')),
    failover_enabled  boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
-- One config per agent, and exactly one global default (agent_id NULL).
CREATE UNIQUE INDEX venue_routing_config_v3_agent_key ON venue_routing_config_v3 (agent_id) WHERE agent_id IS NOT NULL;
CREATE UNIQUE INDEX venue_routing_config_v3_global_key ON venue_routing_config_v3 ((agent_id IS NULL)) WHERE agent_id IS NULL;

INSERT INTO venue_routing_config_v3 (agent_id, venue_priority, routing_strategy, failover_enabled)
SELECT NULL, ARRAY['HYPERLIQUID', 'OSTIUM']::venue_v3_t[], 'FIRST_AVAILABLE', true
WHERE NOT EXISTS (SELECT 1 FROM venue_routing_config_v3 WHERE agent_id IS NULL);

-- The audit trail of routing decisions. Written on every decision, so it is kept cheap: no FOREIGN KEYs (a foreign key
-- check locks the parent signal row, a WAL write per decision, which more than doubled the cost of the audit insert).
-- The store checks in the same INSERT that the signal and deployment exist, and writes a reservation's audit row only
-- together with its position, whose foreign keys do hold.
CREATE TABLE venue_routing_history_v3 (
    id                   uuid PRIMARY KEY,
    signal_id            uuid NOT NULL,
    deployment_id        uuid,
    token_symbol         text NOT NULL,
    requested_venue      venue_v3_t NOT NULL DEFAULT 'MULTI',
    selected_venue       venue_v3_t,
    routing_reason       text NOT NULL,
    checked_venues       venue_v3_t[] NOT NULL DEFAULT '{}',
    venue_availability   jsonb NOT NULL DEFAULT '{}',
    routing_duration_ms  double precision NOT NULL CHECK (routing_duration_ms >= 0),
    created_at           timestamptz NOT NULL DEFAULT now()
);
-- Newest first, unfiltered or by venue (every venue has a large share, so a backward scan finds a page quickly).
CREATE INDEX venue_routing_history_v3_created_idx ON venue_routing_history_v3 (created_at DESC, id DESC);
-- By token: a token may be rare, so it has its own index.
CREATE INDEX venue_routing_history_v3_token_idx ON venue_routing_history_v3 (token_symbol, created_at DESC, id DESC);
