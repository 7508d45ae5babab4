package org.vigil.redaction;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Takes secrets out of every log line the console (and a file handler, when configured) writes: the formatted
 * message and the exception texts. Installed by {@code quarkus.log.console.filter=redact}.
 */
@LoggingFilter(name = "redact")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String clean = Redactor.redact(formatted);
            if (clean != null && !clean.equals(formatted)) {
                ext.setMessage(clean, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && leaks(thrown)) {
            record.setThrown(RedactedThrowable.of(thrown));
        }
        return true;
    }

    private static boolean leaks(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (Redactor.containsSecret(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A copy of an exception chain with redacted messages and the original stack traces. */
    static final class RedactedThrowable extends RuntimeException {

        private final String type;

        private RedactedThrowable(String type, String message, Throwable cause) {
            super(message, cause, false, true);
            this.type = type;
        }

        static Throwable of(Throwable t) {
            if (t == null) {
                return null;
            }
            RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(), Redactor.redact(t.getMessage()),
                    t.getCause() == t ? null : of(t.getCause()));
            copy.setStackTrace(t.getStackTrace());
            return copy;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? type : type + ": " + message;
        }
    }
}
