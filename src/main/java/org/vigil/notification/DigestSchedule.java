package org.vigil.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a daily digest period ends: the next local {@code hour}:00 in the subscription's zone. */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    /**
     * The first local {@code hour}:00 strictly after {@code after}. On a DST gap day the hour that does not exist
     * moves forward (02:00 → 03:00), so no day is skipped; on an overlap day the earlier instant is used.
     */
    public static Instant nextAfter(Instant after, int hour, ZoneId zone) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), LocalTime.of(hour, 0), zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), LocalTime.of(hour, 0), zone);
        }
        return candidate.toInstant();
    }
}
