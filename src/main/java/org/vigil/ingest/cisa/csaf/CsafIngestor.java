package org.vigil.ingest.cisa.csaf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.ingest.Failures;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.Ingestor;
import org.vigil.ingest.RunContext;

/**
 * Source {@code cisa-csaf}: CISA's CSAF 2.0 advisories, from provider metadata or a directory (also {@code file:}).
 * Each listed document newer than its stored watermark is fetched, its hash and signature checked, converted and
 * stored in its own transaction; a bad document is reported and the run goes on.
 */
@ApplicationScoped
public class CsafIngestor implements Ingestor {

    private static final Logger LOG = Logger.getLogger(CsafIngestor.class);

    private final CsafConfig config;
    private final CsafClient client;
    private final CsafStore store;
    private final CsafDocumentRepository documents;
    private volatile Stats lastRun = new Stats(0, 0, 0);

    CsafIngestor(CsafConfig config, CsafClient client, CsafStore store, CsafDocumentRepository documents) {
        this.config = config;
        this.client = client;
        this.store = store;
        this.documents = documents;
    }

    /** Listing validators for conditional GET, and whether the last run left documents to retry. */
    public record Cursor(Map<String, CsafClient.Validators> validators, boolean retry) {
        static Cursor empty() {
            return new Cursor(Map.of(), false);
        }
    }

    /** What the last run did beyond the run counts: documents listed, fetched, and absent from a partial mirror. */
    public record Stats(int listed, int fetched, int missing) {
    }

    @Override
    public String name() {
        return CsafConverter.SOURCE;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    public Stats lastRun() {
        return lastRun;
    }

    @Override
    public void run(RunContext context) throws Exception {
        CsafClient.Discovery discovery = client.discover();
        CsafSignatures keys = client.keys(discovery);
        if (keys == null && config.verification() == CsafIntegrity.Policy.STRICT) {
            throw new IllegalStateException("verification is strict but there is no OpenPGP key: the provider metadata "
                    + "lists none and vigil.sources.cisa-csaf.openpgp-key-url is not set");
        }
        Cursor cursor = context.cursor(Cursor.class, Cursor::empty);
        CsafClient.Listing listing = client.list(discovery, cursor.validators(), !context.full() && !cursor.retry());
        if (!listing.changed()) {
            LOG.debug("CSAF listings not modified; nothing to fetch");
            context.saveCursor(new Cursor(listing.validators(), false));
            return;
        }
        List<String> prefixes = config.idPrefixes();
        listing.rejected().stream().filter(r -> CsafListing.hasPrefix(r.item(), prefixes))
                .forEach(r -> context.failed(r.item(), r.reason()));
        Map<String, Instant> marks = QuarkusTransaction.requiringNew().call(documents::watermarks);
        int listed = 0;
        int fetched = 0;
        int missing = 0;
        for (CsafListing.Entry entry : listing.entries()) {
            if (!CsafListing.hasPrefix(entry.key(), prefixes)) {
                continue;
            }
            listed++;
            context.seen();
            if (!context.full() && upToDate(entry, marks)) {
                continue;
            }
            fetched++;
            MDC.put("advisory", entry.key());
            try {
                missing += process(entry, keys, context) ? 0 : 1;
            } finally {
                MDC.remove("advisory");
            }
        }
        lastRun = new Stats(listed, fetched, missing);
        if (missing > 0) {
            LOG.infof("Skipped %d listed documents the mirror does not have (skip-missing-documents)", missing);
        }
        context.saveCursor(new Cursor(listing.validators(), context.failedCount() > 0 || missing > 0));
    }

    /** Newer means: the listed timestamp is after the stored one. Index-only entries are fetched once. */
    private static boolean upToDate(CsafListing.Entry entry, Map<String, Instant> marks) {
        if (!marks.containsKey(entry.key())) {
            return false;
        }
        Instant stored = marks.get(entry.key());
        return entry.timestamp() == null || stored != null && !entry.timestamp().isAfter(stored);
    }

    /** Returns false only for a document absent from a partial mirror that is configured to skip it. */
    private boolean process(CsafListing.Entry entry, CsafSignatures keys, RunContext context) {
        CsafClient.Fetched doc;
        try {
            doc = client.fetch(entry.url(), keys != null);
        } catch (FetchException e) {
            context.failed(entry.key(), e.getMessage());
            return true;
        }
        if (doc.body() == null) {
            if (doc.status() == 404 && config.skipMissingDocuments()) {
                return false;
            }
            context.failed(entry.key(), "listed but not retrievable: HTTP " + doc.status() + " for " + entry.url());
            return true;
        }
        CsafIntegrity.Verdict verdict = CsafIntegrity.check(new CsafIntegrity.Input(doc.body(), doc.hashAlgorithm(),
                doc.sidecar(), doc.signature()), keys, config.verification());
        if (!verdict.accepted()) {
            context.failed(entry.key(), "not imported: " + verdict.reason());
            return true;
        }
        AdvisoryDraft draft;
        try {
            draft = CsafConverter.convert(new String(doc.body(), StandardCharsets.UTF_8), verdict.provenance());
        } catch (CsafFormatException e) {
            context.failed(entry.key(), e.getMessage());
            return true;
        }
        try {
            context.commit(() -> context.counted(store.save(entry.key(), entry.timestamp(), draft)), null);
        } catch (RunContext.LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            context.failed(entry.key(), "could not be stored: " + Failures.reason(e));
        }
        return true;
    }
}
