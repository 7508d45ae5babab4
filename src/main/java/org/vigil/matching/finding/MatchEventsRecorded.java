package org.vigil.matching.finding;

import java.util.List;

/**
 * Fired synchronously, inside the matching transaction, after match events were persisted. Notification
 * observes it and writes its outbox rows in the same transaction.
 */
public record MatchEventsRecorded(List<MatchEvent> events) {
}
