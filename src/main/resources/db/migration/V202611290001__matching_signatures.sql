-- Devices written the same way (same company and model words) share one set of index terms: a device row points
-- at its term set by a content hash, so a million devices need a million small rows, not five million.
DROP TABLE match_device_term;

CREATE TABLE match_device_signature (
    device_id   UUID        NOT NULL PRIMARY KEY,
    hospital_id UUID        NOT NULL,
    signature   VARCHAR(64) NOT NULL
);
CREATE INDEX ix_match_device_signature_sig ON match_device_signature (signature);

CREATE TABLE match_signature_term (
    signature VARCHAR(64)  NOT NULL,
    term      VARCHAR(200) NOT NULL,
    CONSTRAINT pk_match_signature_term PRIMARY KEY (signature, term)
);
CREATE INDEX ix_match_signature_term_term ON match_signature_term (term);
