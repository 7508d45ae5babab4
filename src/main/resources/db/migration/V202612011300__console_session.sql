-- Console sign-in sessions. Stored in the database so a session survives a restart and works on every instance.
-- The browser holds a random token; only its SHA-256 is stored, like API keys.

CREATE TABLE console_session (
    token_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    api_key_id   UUID        NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_console_session_key ON console_session (api_key_id);
CREATE INDEX ix_console_session_seen ON console_session (last_seen_at);
