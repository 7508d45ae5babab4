-- Text that documents supply is sized by what the standards allow, which is mostly "any length": CSAF product ids
-- (Red Hat writes 98+ characters), names, titles and URLs have no maximum. VARCHAR without a length is unbounded on
-- PostgreSQL and up to 1,000,000,000 characters on H2. Keys (advisory id, revision) keep their bounds; the CSAF
-- converter fits longer ones.
ALTER TABLE affected_product ALTER COLUMN product_id SET DATA TYPE VARCHAR;
ALTER TABLE affected_product ALTER COLUMN vendor SET DATA TYPE VARCHAR;
ALTER TABLE affected_product ALTER COLUMN product SET DATA TYPE VARCHAR;
ALTER TABLE affected_product ALTER COLUMN version_text SET DATA TYPE VARCHAR;
ALTER TABLE affected_product ALTER COLUMN version_range SET DATA TYPE VARCHAR;
ALTER TABLE advisory ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE advisory ALTER COLUMN url SET DATA TYPE VARCHAR;
ALTER TABLE advisory ALTER COLUMN vendors SET DATA TYPE VARCHAR;
ALTER TABLE advisory ALTER COLUMN verification_detail SET DATA TYPE VARCHAR;
ALTER TABLE advisory_cve ALTER COLUMN cwe_name SET DATA TYPE VARCHAR;

-- What reading the document found: strict JSON or repaired (trailing comma), and the CSAF 2.0 schema verdict.
ALTER TABLE advisory ADD COLUMN well_formed BOOLEAN;
ALTER TABLE advisory ADD COLUMN well_formed_reason VARCHAR;
ALTER TABLE advisory ADD COLUMN schema_valid BOOLEAN;
ALTER TABLE advisory ADD COLUMN schema_violations_json TEXT;
