-- Device identity (issue 11): the UDI as scanned, the production identifiers read from it or given by the hospital,
-- for lot- and serial-scoped recalls. Portable SQL (H2 and PostgreSQL).
ALTER TABLE device ADD COLUMN udi VARCHAR(200);
ALTER TABLE device ADD COLUMN serial_number VARCHAR(100);
ALTER TABLE device ADD COLUMN lot_number VARCHAR(100);
ALTER TABLE device ADD COLUMN expiration_date DATE;
ALTER TABLE device ADD COLUMN manufacturing_date DATE;
CREATE INDEX ix_device_hospital_serial ON device (hospital_id, serial_number);
