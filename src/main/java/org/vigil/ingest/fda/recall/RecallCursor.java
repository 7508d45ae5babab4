package org.vigil.ingest.fda.recall;

import java.time.LocalDate;

/**
 * Watermark per endpoint. {@code through}: every window ending on or before this day is committed. A window
 * being paged keeps its bounds and the next page's URL (without api_key), so a run that stops mid-window resumes
 * on the page after the last committed one.
 */
record RecallCursor(EndpointCursor recall, EndpointCursor enforcement) {

    record EndpointCursor(LocalDate through, LocalDate windowFrom, LocalDate windowTo, String nextPage) {

        static EndpointCursor empty() {
            return new EndpointCursor(null, null, null, null);
        }

        boolean inWindow() {
            return windowFrom != null && nextPage != null;
        }

        EndpointCursor paging(LocalDate from, LocalDate to, String next) {
            return new EndpointCursor(through, from, to, next);
        }

        EndpointCursor completed(LocalDate to) {
            return new EndpointCursor(through == null || to.isAfter(through) ? to : through, null, null, null);
        }
    }

    static RecallCursor empty() {
        return new RecallCursor(EndpointCursor.empty(), EndpointCursor.empty());
    }

    EndpointCursor of(Endpoint e) {
        EndpointCursor c = e == Endpoint.RECALL ? recall : enforcement;
        return c == null ? EndpointCursor.empty() : c;
    }

    RecallCursor with(Endpoint e, EndpointCursor c) {
        return e == Endpoint.RECALL ? new RecallCursor(c, enforcement) : new RecallCursor(recall, c);
    }
}
