package org.vigil.console.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in browser: the hash of its cookie token and the API key it signed in with. */
@Entity
@Table(name = "console_session")
public class ConsoleSession {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "api_key_id", nullable = false)
    public UUID apiKeyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Idle expiry counts from here; refreshed at most once a minute so page views do not each write. */
    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
