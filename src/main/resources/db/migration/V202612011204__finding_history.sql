-- Every change of a finding's triage state or justification, by a person (API key prefix) or by Vigil ("vigil":
-- resolved when no longer affected, reopened when affected again): the evidence auditors ask for.
CREATE TABLE finding_history (
    id                 UUID        NOT NULL PRIMARY KEY,
    finding_id         UUID        NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    hospital_id        UUID        NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by         VARCHAR(64) NOT NULL,
    from_state         VARCHAR(16),
    to_state           VARCHAR(16) NOT NULL,
    from_justification VARCHAR(2000),
    justification      VARCHAR(2000),
    resolution         VARCHAR(2000)
);
CREATE INDEX ix_finding_history_finding ON finding_history (finding_id, changed_at);
