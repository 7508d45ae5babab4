-- A hospital's saved import column mapping (PUT /api/v1/import-mapping): {"<column>": "<field>"} as JSON text.
CREATE TABLE import_mapping (
    hospital_id  UUID         NOT NULL PRIMARY KEY REFERENCES hospital (id) ON DELETE CASCADE,
    mapping_json TEXT         NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(16)
);
