-- CSAF per-document watermarks (cisa-csaf source).
CREATE TABLE csaf_document (
    path              VARCHAR(500)  NOT NULL PRIMARY KEY,
    advisory_id       VARCHAR(64)   NOT NULL,
    release_timestamp TIMESTAMP WITH TIME ZONE,
    document_hash     VARCHAR(200),
    fetched_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_csaf_document_advisory ON csaf_document (advisory_id);
