-- Notification: subscriptions per hospital and the delivery outbox. Portable SQL (H2 and PostgreSQL).

CREATE TABLE subscription (
    id              UUID          NOT NULL PRIMARY KEY,
    hospital_id     UUID          NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
    name            VARCHAR(200),
    channel         VARCHAR(16)   NOT NULL,
    email_to        VARCHAR(4000),
    webhook_url     VARCHAR(2000),
    -- The signing secret must be recoverable to sign; it is never logged and never returned after creation.
    webhook_secret  VARCHAR(200),
    min_severity    VARCHAR(16),
    min_confidence  VARCHAR(16),
    sources         VARCHAR(500),
    event_types     VARCHAR(200)  NOT NULL,
    delivery_mode   VARCHAR(16)   NOT NULL,
    digest_hour     INTEGER,
    digest_zone     VARCHAR(64),
    heartbeat       BOOLEAN       NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(500),
    disabled_at     TIMESTAMP WITH TIME ZONE,
    next_digest_at  TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_subscription_hospital ON subscription (hospital_id);
CREATE INDEX ix_subscription_digest ON subscription (delivery_mode, next_digest_at);

CREATE TABLE delivery (
    id                UUID          NOT NULL PRIMARY KEY,
    hospital_id       UUID          NOT NULL,
    subscription_id   UUID          NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    kind              VARCHAR(16)   NOT NULL,
    base_key          VARCHAR(400)  NOT NULL,
    idempotency_key   VARCHAR(400)  NOT NULL,
    advisory_id       VARCHAR(64),
    advisory_revision VARCHAR(64),
    event_type        VARCHAR(24),
    items_json        TEXT,
    digest_id         UUID,
    period_start      TIMESTAMP WITH TIME ZONE,
    period_end        TIMESTAMP WITH TIME ZONE,
    status            VARCHAR(16)   NOT NULL,
    attempts          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    lease_owner       VARCHAR(200),
    lease_until       TIMESTAMP WITH TIME ZONE,
    last_status_code  INTEGER,
    last_error        VARCHAR(2000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_delivery_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ix_delivery_due ON delivery (status, next_attempt_at);
CREATE INDEX ix_delivery_lease ON delivery (status, lease_until);
CREATE INDEX ix_delivery_hospital ON delivery (hospital_id, created_at);
CREATE INDEX ix_delivery_subscription ON delivery (subscription_id, status);
CREATE INDEX ix_delivery_base_key ON delivery (base_key);
CREATE INDEX ix_delivery_digest ON delivery (digest_id);
