package org.vigil.ingest;

/** A download that failed after its retries, or was refused (too large, bad URL). The message is safe to show. */
public class FetchException extends Exception {

    private final int status;

    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The last HTTP status, or 0 for a network error. */
    public int status() {
        return status;
    }
}
