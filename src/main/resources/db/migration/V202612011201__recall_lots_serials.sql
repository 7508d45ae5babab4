-- Lots and serial numbers a recall is limited to (from openFDA code_info), so that matching can tell a recalled
-- unit from another unit of the same model. JSON arrays of strings, like the other identifier lists.
ALTER TABLE affected_product ADD COLUMN lots_json TEXT;
ALTER TABLE affected_product ADD COLUMN serials_json TEXT;
