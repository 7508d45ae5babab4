package org.vigil.ingest;

import java.util.UUID;
import org.jboss.logging.Logger;
import org.vigil.redaction.Redactor;

/**
 * Turns an exception into a reason a run record may show: operators and hospitals read these in
 * {@code GET /api/v1/sources}, so a reason never carries SQL, class names or stack text. Database and
 * programming errors get a generic reason with a reference; the full exception goes to the log under it.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    /** The reason to record for {@code e}; logs the exception when the reason hides what happened. */
    public static String reason(Throwable e) {
        if (e instanceof FetchException || e instanceof SafeMessage) {
            return text(e);
        }
        String kind = database(e) ? "the database refused the write" : internal(e) ? "internal error" : null;
        if (kind == null) {
            return text(e);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.warnf(e, "%s (reference %s)", kind, reference);
        return kind + " (reference " + reference + " in the log)";
    }

    /** Marks exceptions whose message was written for the run record. */
    public interface SafeMessage {
    }

    private static boolean database(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof java.sql.SQLException || name.startsWith("org.hibernate.") || name.startsWith("jakarta.persistence.")
                    || name.startsWith("jakarta.transaction.") || name.startsWith("org.h2.") || name.startsWith("org.postgresql.")) {
                return true;
            }
        }
        return false;
    }

    /** Errors that say something about our code or a library, nothing about the upstream data. */
    private static boolean internal(Throwable e) {
        return e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException || e instanceof UnsupportedOperationException
                || e instanceof Error || e.getMessage() == null || looksLikeCode(e.getMessage());
    }

    /** A message quoting a class name ({@code org.foo.Bar}) or a stack frame is not for users. */
    private static boolean looksLikeCode(String message) {
        return message.matches("(?s).*\\b(java|javax|jakarta|org|com|io|sun)\\.[a-z]+\\.[A-Za-z.$]+.*")
                || message.contains("\tat ") || message.contains("Exception:");
    }

    private static String text(Throwable e) {
        String m = e.getMessage() == null ? "failed" : e.getMessage().strip();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline).strip();
    }

    /** What went wrong, in words (no exception class names: the text reaches run records and the API). */
    public static String describe(Exception e) {
        String what;
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            what = "connection timed out";
        } else if (e instanceof java.net.http.HttpTimeoutException) {
            what = "no answer within the request timeout";
        } else if (e instanceof java.net.ConnectException) {
            what = "connection refused";
        } else if (e instanceof java.net.UnknownHostException) {
            what = "unknown host";
        } else if (e instanceof javax.net.ssl.SSLException) {
            what = "TLS failed";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            what = "no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            what = "access denied";
        } else {
            what = "I/O error";
        }
        String detail = e.getMessage();
        boolean useful = detail != null && !detail.isBlank() && !detail.contains("Exception") && detail.length() <= 200;
        return useful && !(e instanceof java.nio.file.FileSystemException) ? what + " (" + Redactor.redact(detail) + ")" : what;
    }
}
