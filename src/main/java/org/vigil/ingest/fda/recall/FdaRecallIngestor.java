package org.vigil.ingest.fda.recall;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.Ingestor;
import org.vigil.ingest.RunContext;
import org.vigil.ingest.fda.recall.RecallCursor.EndpointCursor;

/**
 * openFDA device recalls and enforcement reports. Backfills from the start date in date windows, then each run
 * re-reads from a few days before its watermark to today. Each page is one transaction with the cursor, so a run
 * that dies loses at most the page in flight. A recall's advisory is rebuilt from both endpoints' latest records,
 * kept together as its raw document.
 */
@ApplicationScoped
public class FdaRecallIngestor implements Ingestor {

    static final String NAME = "fda-recall";
    private static final int CHUNK = 100;
    private static final java.util.regex.Pattern SKIP = java.util.regex.Pattern.compile("[?&]skip=(\\d+)");

    private final OpenFdaClient client;
    private final FdaRecallConfig config;
    private final RecallStore store;

    FdaRecallIngestor(OpenFdaClient client, FdaRecallConfig config, RecallStore store) {
        this.client = client;
        this.config = config;
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public void run(RunContext context) throws FetchException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RecallCursor cursor = context.cursor(RecallCursor.class, RecallCursor::empty);
        for (Endpoint endpoint : Endpoint.values()) {
            cursor = runEndpoint(context, cursor, endpoint, today);
        }
    }

    private RecallCursor runEndpoint(RunContext context, RecallCursor cursor, Endpoint endpoint, LocalDate today)
            throws FetchException {
        EndpointCursor c = cursor.of(endpoint);
        if (c.inWindow()) {
            cursor = pageWindow(context, cursor, endpoint, c.windowFrom(), c.windowTo(), c.nextPage());
            c = cursor.of(endpoint);
        }
        LocalDate from = c.through() == null ? config.startDate()
                : max(config.startDate(), c.through().minusDays(Math.max(0, config.overlapDays())));
        int days = Math.max(1, config.windowDays());
        while (!from.isAfter(today)) {
            LocalDate to = min(from.plusDays(days - 1L), today);
            cursor = pageWindow(context, cursor, endpoint, from, to, client.firstPage(endpoint, from, to));
            from = to.plusDays(1);
        }
        return cursor;
    }

    /** Pages one window: skip while openFDA allows it, then the Link (search_after) URL. */
    private RecallCursor pageWindow(RunContext context, RecallCursor cursor, Endpoint endpoint, LocalDate from,
            LocalDate to, String url) throws FetchException {
        String next = url;
        while (next != null) {
            OpenFdaClient.Page page = client.fetch(next);
            next = nextPage(endpoint, from, to, page, next);
            EndpointCursor moved = next == null ? cursor.of(endpoint).completed(to)
                    : cursor.of(endpoint).paging(from, to, next);
            RecallCursor newCursor = cursor.with(endpoint, moved);
            // Small transactions: every stored advisory flushes the session (change records), so a 1000-record
            // transaction costs quadratic dirty-checking. Re-storing a chunk after a crash is harmless (unchanged),
            // and the cursor moves with the page's last chunk only.
            List<JsonNode> records = page.results();
            for (int i = 0; i < records.size() || i == 0; i += CHUNK) {
                List<JsonNode> chunk = records.subList(Math.min(i, records.size()), Math.min(i + CHUNK, records.size()));
                boolean last = i + CHUNK >= records.size();
                store.chunk(context, endpoint, chunk, last ? newCursor : null);
            }
            cursor = newCursor;
        }
        return cursor;
    }

    /**
     * Skip pages know where they are (meta skip + results vs total). A search_after page does not (its meta skip
     * is 0), so that mode goes on while openFDA sends a Link rel="next" and the page is not empty.
     */
    private String nextPage(Endpoint endpoint, LocalDate from, LocalDate to, OpenFdaClient.Page page,
            String url) throws FetchException {
        if (page.results().isEmpty()) {
            return null;
        }
        if (url.contains("search_after=")) {
            return page.nextLink();
        }
        java.util.regex.Matcher skip = SKIP.matcher(url);
        long read = (skip.find() ? Long.parseLong(skip.group(1)) : page.skip()) + page.results().size();
        if (read >= page.total()) {
            return null;
        }
        if (read <= config.maxSkip()) {
            return client.pageUrl(endpoint, from, to, (int) read);
        }
        if (page.nextLink() == null) {
            throw new FetchException("openFDA " + endpoint.key() + " window " + from + ".." + to + " has "
                    + page.total() + " records, more than skip reaches, and no Link rel=\"next\" header", 0);
        }
        return page.nextLink();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
