package org.vigil.ingest.fda.safety;

import java.time.Instant;

/** One RSS item as the FDA feed carries it, whitespace trimmed and the link resolved against xml:base. */
record FeedItem(String title, String link, String description, Instant published, String guid) {
}
