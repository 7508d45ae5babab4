-- The CSAF leaf's full product name ("Allegro RomPager embedded web server: … included in Capsule DTS"): matching
-- reads the words it adds to the product name as context. Rows stored before this column read NULL until the
-- advisory's next revision is ingested.
ALTER TABLE affected_product ADD COLUMN full_name VARCHAR(2000);
