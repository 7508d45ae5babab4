package org.vigil.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Template helpers: dates in UTC, as the API writes them, without the noise of seconds and nanos. */
@TemplateExtension(namespace = "fmt")
public final class ConsoleFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ConsoleFormat() {
    }

    static String day(Instant at) {
        return at == null ? "–" : DAY.format(at);
    }

    static String time(Instant at) {
        return at == null ? "–" : TIME.format(at);
    }

    /** Enum-style names for people: NOT_AFFECTED → "not affected". */
    static String words(Object value) {
        return value == null ? "–" : value.toString().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }
}
