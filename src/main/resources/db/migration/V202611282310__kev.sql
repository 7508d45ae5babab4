-- CISA Known Exploited Vulnerabilities catalogue (cisa-kev source), replaced whole on every new version.
CREATE TABLE kev_entry (
    cve_id                        VARCHAR(32)   NOT NULL PRIMARY KEY,
    vendor_project                VARCHAR(500),
    product                       VARCHAR(500),
    vulnerability_name            VARCHAR(1000),
    date_added                    DATE,
    due_date                      DATE,
    known_ransomware_campaign_use VARCHAR(32),
    required_action               TEXT
);
