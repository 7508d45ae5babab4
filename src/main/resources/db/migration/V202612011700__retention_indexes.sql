-- Retention (org.vigil.retention) deletes history by age in batches: each batch selects its oldest rows through an
-- index on the time column instead of scanning the table.
-- match_event's only index leads with the hospital.
CREATE INDEX ix_match_event_created ON match_event (created_at);
-- Finished deliveries (DELIVERED, DEAD) by their last change; ix_delivery_due orders by next_attempt_at instead.
CREATE INDEX ix_delivery_finished ON delivery (status, updated_at);
-- Runs are deleted per source (ix_ingest_run_source: source, started_at) and per status (ix_matching_run_status:
-- status, created_at): no index needed.
