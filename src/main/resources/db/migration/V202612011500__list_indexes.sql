-- The findings list reads one hospital's findings newest first (ORDER BY last_seen DESC, id): with this order in the
-- index a page reads only its own rows instead of sorting every finding of the hospital.
CREATE INDEX ix_finding_hospital_seen_id ON finding (hospital_id, last_seen DESC, id);
DROP INDEX ix_finding_hospital_seen;

-- The devices list is ordered by manufacturer, model, id within a hospital.
CREATE INDEX ix_device_hospital_order ON device (hospital_id, manufacturer, model, id);
DROP INDEX ix_device_hospital_manufacturer;
