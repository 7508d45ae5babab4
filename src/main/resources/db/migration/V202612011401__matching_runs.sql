-- Re-matches (full, after an upgrade of the rules; per company, after an alias change) are background runs with a
-- record, like ingest runs. One lease row keeps them apart across instances; the cursor lets another instance
-- resume a run whose instance died.
CREATE TABLE matching_run (
    id               UUID          NOT NULL PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    reason           VARCHAR(500),
    scope_json       TEXT,
    cursor_device    UUID,
    devices_count    BIGINT        NOT NULL,
    new_count        BIGINT        NOT NULL,
    changed_count    BIGINT        NOT NULL,
    resolved_count   BIGINT        NOT NULL,
    events_count     BIGINT        NOT NULL,
    attempts         INTEGER       NOT NULL,
    requested_by     VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    message          VARCHAR(2000)
);
CREATE INDEX ix_matching_run_status ON matching_run (status, created_at);

CREATE TABLE matching_lease (
    id          INT           NOT NULL PRIMARY KEY,
    owner       VARCHAR(200),
    lease_until TIMESTAMP WITH TIME ZONE,
    run_id      UUID
);
INSERT INTO matching_lease (id) VALUES (1);
