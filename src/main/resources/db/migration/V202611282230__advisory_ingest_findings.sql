-- Advisory catalogue, ingest runs and source state, findings and matching events.
-- Large text uses TEXT (PostgreSQL text, H2 CLOB-compatible character large object).

CREATE TABLE advisory (
    id                    VARCHAR(64)   NOT NULL PRIMARY KEY,
    source                VARCHAR(32)   NOT NULL,
    title                 VARCHAR(2000),
    summary               TEXT,
    url                   VARCHAR(2000),
    published             TIMESTAMP WITH TIME ZONE,
    updated               TIMESTAMP WITH TIME ZONE,
    revision              VARCHAR(64),
    severity              VARCHAR(16)   NOT NULL,
    cvss_max              DOUBLE PRECISION,
    kev                   BOOLEAN       NOT NULL,
    vendors               VARCHAR(1000),
    status                VARCHAR(64),
    remediations_json     TEXT,
    references_json       TEXT,
    revision_history_json TEXT,
    details_json          TEXT,
    document_hash         VARCHAR(200),
    verification          VARCHAR(16),
    verification_detail   VARCHAR(2000),
    key_fingerprint       VARCHAR(64),
    raw_document          TEXT,
    content_hash          VARCHAR(64),
    first_seen            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_advisory_source_updated ON advisory (source, updated);
CREATE INDEX ix_advisory_last_changed ON advisory (last_changed);

CREATE TABLE advisory_cve (
    id                  UUID         NOT NULL PRIMARY KEY,
    advisory_id         VARCHAR(64)  NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    position            INTEGER      NOT NULL,
    cve                 VARCHAR(32)  NOT NULL,
    cwe_id              VARCHAR(32),
    cwe_name            VARCHAR(500),
    summary             TEXT,
    cvss_version        VARCHAR(8),
    cvss_vector         VARCHAR(200),
    cvss_score          DOUBLE PRECISION,
    cvss_severity       VARCHAR(16),
    product_ids_json    TEXT,
    kev                 BOOLEAN      NOT NULL,
    kev_date_added      DATE,
    kev_due_date        DATE,
    kev_ransomware      VARCHAR(16),
    kev_required_action TEXT
);
CREATE INDEX ix_advisory_cve_advisory ON advisory_cve (advisory_id);
CREATE INDEX ix_advisory_cve_cve ON advisory_cve (cve);

CREATE TABLE affected_product (
    id                   UUID          NOT NULL PRIMARY KEY,
    advisory_id          VARCHAR(64)   NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    position             INTEGER       NOT NULL,
    product_id           VARCHAR(64),
    vendor               VARCHAR(1000),
    product              VARCHAR(2000),
    version_text         VARCHAR(2000),
    version_range        VARCHAR(2000),
    status               VARCHAR(24)   NOT NULL,
    product_code         VARCHAR(8),
    model_numbers_json   TEXT,
    catalog_numbers_json TEXT,
    udi_dis_json         TEXT
);
CREATE INDEX ix_affected_product_advisory ON affected_product (advisory_id);

CREATE TABLE advisory_change (
    id          UUID          NOT NULL PRIMARY KEY,
    advisory_id VARCHAR(64)   NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    revision    VARCHAR(64),
    type        VARCHAR(32)   NOT NULL,
    detail      VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_advisory_change_advisory ON advisory_change (advisory_id, created_at);

CREATE TABLE ingest_run (
    id            UUID          NOT NULL PRIMARY KEY,
    source        VARCHAR(32)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    run_trigger   VARCHAR(16)   NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    seen_count    INTEGER       NOT NULL DEFAULT 0,
    new_count     INTEGER       NOT NULL DEFAULT 0,
    updated_count INTEGER       NOT NULL DEFAULT 0,
    failed_count  INTEGER       NOT NULL DEFAULT 0,
    errors_json   TEXT,
    message       VARCHAR(2000)
);
CREATE INDEX ix_ingest_run_source ON ingest_run (source, started_at);

CREATE TABLE source_state (
    source          VARCHAR(32) NOT NULL PRIMARY KEY,
    cursor_json     TEXT,
    lease_owner     VARCHAR(200),
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_run_id     UUID,
    last_success_at TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE finding (
    id                UUID         NOT NULL PRIMARY KEY,
    hospital_id       UUID         NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
    device_id         UUID         NOT NULL,
    advisory_id       VARCHAR(64)  NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    confidence        VARCHAR(16)  NOT NULL,
    reasons_json      TEXT         NOT NULL,
    needs_review      BOOLEAN      NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    justification     VARCHAR(2000),
    triaged_by        VARCHAR(64),
    triaged_at        TIMESTAMP WITH TIME ZONE,
    advisory_revision VARCHAR(64),
    first_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_finding_device_advisory UNIQUE (device_id, advisory_id)
);
CREATE INDEX ix_finding_hospital_state ON finding (hospital_id, state);
CREATE INDEX ix_finding_advisory ON finding (advisory_id);

CREATE TABLE match_event (
    id                UUID         NOT NULL PRIMARY KEY,
    hospital_id       UUID         NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
    finding_id        UUID         NOT NULL,
    device_id         UUID         NOT NULL,
    advisory_id       VARCHAR(64)  NOT NULL,
    advisory_revision VARCHAR(64),
    type              VARCHAR(24)  NOT NULL,
    detail            VARCHAR(2000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_match_event_hospital ON match_event (hospital_id, created_at);
