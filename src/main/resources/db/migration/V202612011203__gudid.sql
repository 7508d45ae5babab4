-- GUDID enrichment (issue 11). A device with a DI may come without manufacturer and model: GUDID fills them.
ALTER TABLE device ALTER COLUMN manufacturer DROP NOT NULL;
ALTER TABLE device ALTER COLUMN model DROP NOT NULL;
-- PENDING (to look up), ENRICHED, NOT_FOUND, FAILED (retried at gudid_next_at); null when the device has no DI.
ALTER TABLE device ADD COLUMN gudid_status VARCHAR(16);
ALTER TABLE device ADD COLUMN gudid_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN gudid_next_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN gudid_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE device ADD COLUMN gudid_error VARCHAR(500);
-- The fields GUDID filled (comma-separated), so that a later edit by the hospital is never overwritten.
ALTER TABLE device ADD COLUMN gudid_filled VARCHAR(200);
CREATE INDEX ix_device_gudid_due ON device (gudid_status, gudid_next_at);
CREATE INDEX ix_device_udi_di ON device (udi_di);

-- The AccessGUDID answer per DI, as fetched: the cache and the evidence shown on the device.
CREATE TABLE gudid_record (
    di            VARCHAR(100) NOT NULL PRIMARY KEY,
    found         BOOLEAN      NOT NULL,
    response_json TEXT,
    summary_json  TEXT,
    fetched_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
