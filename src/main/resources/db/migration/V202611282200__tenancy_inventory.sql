-- Tenancy and inventory. Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL.

CREATE TABLE hospital (
    id            UUID         NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    contact_email VARCHAR(254),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_key (
    id          UUID        NOT NULL PRIMARY KEY,
    hospital_id UUID        REFERENCES hospital (id) ON DELETE CASCADE,
    role        VARCHAR(16) NOT NULL,
    prefix      VARCHAR(16) NOT NULL,
    key_hash    VARCHAR(64) NOT NULL,
    origin      VARCHAR(16),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_key_hospital ON api_key (hospital_id);

CREATE TABLE device (
    id             UUID         NOT NULL PRIMARY KEY,
    hospital_id    UUID         NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
    asset_id       VARCHAR(100),
    manufacturer   VARCHAR(200) NOT NULL,
    model          VARCHAR(200) NOT NULL,
    version        VARCHAR(100),
    udi_di         VARCHAR(100),
    product_code   VARCHAR(3),
    catalog_number VARCHAR(100),
    quantity       INTEGER      NOT NULL,
    location       VARCHAR(200),
    department     VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_device_asset UNIQUE (hospital_id, asset_id)
);
CREATE INDEX ix_device_hospital_manufacturer ON device (hospital_id, manufacturer);
