-- One counter for the operator aliases, raised by every change: each instance keeps the alias registry it built
-- and compares this single row before matching work, so an alias added through another instance is picked up.
CREATE TABLE matching_alias_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO matching_alias_version (id, version) VALUES (1, 0);
