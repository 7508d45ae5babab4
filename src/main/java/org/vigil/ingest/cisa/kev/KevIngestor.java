package org.vigil.ingest.cisa.kev;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.vigil.advisory.AdvisoryService;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.FetchResult;
import org.vigil.ingest.HttpFetcher;
import org.vigil.ingest.Ingestor;
import org.vigil.ingest.RunContext;

/**
 * Source {@code cisa-kev}: the whole catalogue on every change (CISA publishes no delta), fetched with a
 * conditional GET. Entries added to the catalogue count as new, changed ones as updated.
 */
@ApplicationScoped
public class KevIngestor implements Ingestor {

    static final String SOURCE = "cisa-kev";
    private static final Logger LOG = Logger.getLogger(KevIngestor.class);

    private final KevConfig config;
    private final HttpFetcher http;
    private final KevStore store;

    KevIngestor(KevConfig config, HttpFetcher http, KevStore store) {
        this.config = config;
        this.http = http;
        this.store = store;
    }

    /** HTTP validators and the catalogue version last stored. */
    public record Cursor(String etag, String lastModified, String catalogVersion) {
        static Cursor empty() {
            return new Cursor(null, null, null);
        }
    }

    @Override
    public String name() {
        return SOURCE;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public void run(RunContext context) throws FetchException, IOException {
        Cursor cursor = context.cursor(Cursor.class, Cursor::empty);
        FetchResult r = http.get(config.url(), cursor.etag(), cursor.lastModified(), java.util.Map.of());
        if (r.notModified()) {
            return;
        }
        if (!r.ok()) {
            throw new FetchException("KEV catalogue " + config.url() + " answered HTTP " + r.status(), r.status());
        }
        KevParser.Catalogue catalogue = KevParser.parse(r.body());
        context.seen(catalogue.entries().size());
        if (catalogue.skipped() > 0) {
            context.failed("catalogue " + catalogue.version(), catalogue.skipped() + " records without a valid cveID were skipped");
        }
        if (!context.full() && suspect(catalogue, context)) {
            return;
        }
        KevStore.Result[] result = new KevStore.Result[1];
        context.commit(() -> result[0] = store.replace(catalogue),
                new Cursor(r.etag(), r.lastModified(), catalogue.version()));
        // Catalogue entries are the items of this source: added ones count as new, changed ones as updated.
        for (int i = 0; i < result[0].added(); i++) {
            context.counted(AdvisoryService.Outcome.NEW);
        }
        for (int i = 0; i < result[0].updated(); i++) {
            context.counted(AdvisoryService.Outcome.UPDATED);
        }
        LOG.infof("KEV catalogue %s: %d entries, %d added, %d changed, %d removed; %d advisories newly flagged",
                catalogue.version(), catalogue.entries().size(), result[0].added(), result[0].updated(),
                result[0].removed(), result[0].advisoriesFlagged());
    }

    /**
     * A download that drops more than max-shrink of the stored entries is not applied: it would clear the KEV flags
     * hospitals act on. The cursor does not move, so every run re-reads the feed until it is whole again.
     */
    private boolean suspect(KevParser.Catalogue catalogue, RunContext context) {
        long stored = store.count();
        int now = catalogue.entries().size();
        if (stored == 0 || now >= stored * (1 - config.maxShrink())) {
            return false;
        }
        String reason = String.format(java.util.Locale.ROOT, "lists %d entries where %d are stored (%.0f %% fewer, more "
                + "than vigil.sources.cisa-kev.max-shrink allows): not applied, the stored catalogue and its KEV flags "
                + "are kept; a full re-sync (POST /api/v1/sources/cisa-kev/runs?full=true) accepts it", now, stored,
                100.0 * (stored - now) / stored);
        LOG.warnf("KEV catalogue %s %s", catalogue.version(), reason);
        context.failed("catalogue " + catalogue.version(), reason);
        return true;
    }
}
