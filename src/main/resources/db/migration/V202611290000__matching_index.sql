-- Matching: the index that lets a new advisory find its devices (and a new device its advisories) without a
-- scan, operator aliases, and why Vigil resolved a finding. Portable SQL (H2 and PostgreSQL).

-- One row per device and term: "m:<company>" for the canonical company, "t:<company>:<word>" for each
-- distinctive model word (and joined pair), "u:<udi-di>".
CREATE TABLE match_device_term (
    device_id   UUID         NOT NULL,
    hospital_id UUID         NOT NULL,
    term        VARCHAR(200) NOT NULL,
    CONSTRAINT pk_match_device_term PRIMARY KEY (device_id, term)
);
CREATE INDEX ix_match_device_term_term ON match_device_term (term);

-- The same terms for the affected products of each advisory.
CREATE TABLE match_advisory_term (
    advisory_id VARCHAR(64)  NOT NULL,
    term        VARCHAR(200) NOT NULL,
    CONSTRAINT pk_match_advisory_term PRIMARY KEY (advisory_id, term)
);
CREATE INDEX ix_match_advisory_term_term ON match_advisory_term (term);

CREATE TABLE manufacturer_alias (
    id         UUID         NOT NULL PRIMARY KEY,
    alias      VARCHAR(200) NOT NULL,
    canonical  VARCHAR(200) NOT NULL,
    alias_key  VARCHAR(200) NOT NULL,
    created_by VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_manufacturer_alias_key UNIQUE (alias_key)
);

-- Why Vigil resolved a finding ("no longer affected as of revision 3"); the hospital's justification stays.
ALTER TABLE finding ADD COLUMN resolution VARCHAR(500);
CREATE INDEX ix_finding_hospital_seen ON finding (hospital_id, last_seen);
