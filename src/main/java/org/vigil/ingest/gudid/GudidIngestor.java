package org.vigil.ingest.gudid;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.Json;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.Ingestor;
import org.vigil.ingest.RunContext;
import org.vigil.inventory.enrichment.DeviceEnrichment;
import org.vigil.inventory.enrichment.GudidFill;
import org.vigil.inventory.enrichment.GudidRecord;

/**
 * Source {@code gudid}: looks up the DIs of devices waiting for enrichment (new or changed devices, failures that are
 * due again), from the cache when fresh, else AccessGUDID; each DI commits on its own. Counts: seen = DIs handled,
 * created = GUDID records fetched, updated = devices whose fields GUDID filled, failed = lookups that failed (the
 * devices show the error and are retried later).
 */
@ApplicationScoped
public class GudidIngestor implements Ingestor {

    static final String SOURCE = "gudid";

    private final GudidConfig config;
    private final GudidClient client;
    private final DeviceEnrichment enrichment;

    GudidIngestor(GudidConfig config, GudidClient client, DeviceEnrichment enrichment) {
        this.config = config;
        this.client = client;
        this.enrichment = enrichment;
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
    public void run(RunContext context) {
        List<String> dis = enrichment.dueDis(config.batchSize(), Instant.now());
        for (String di : dis) {
            context.seen();
            Optional<GudidRecord> cached = enrichment.cached(di, config.cacheTtl(), config.notFoundTtl(), Instant.now());
            try {
                GudidClient.Answer answer = cached.isPresent() ? null : client.lookup(di);
                if (answer != null) {
                    context.counted(AdvisoryService.Outcome.NEW);
                }
                boolean found = answer != null ? answer.found() : cached.get().found;
                String summary = answer != null ? (answer.found() ? Json.write(summary(answer.device())) : null)
                        : cached.get().summaryJson;
                int[] changed = new int[1];
                context.commit(() -> {
                    if (answer != null) {
                        enrichment.store(di, answer.found(), answer.json(), summary);
                    }
                    changed[0] = found ? enrichment.enriched(di, fill(Json.readMap(summary))) : enrichment.notFound(di);
                }, null);
                if (found) {
                    for (int i = 0; i < changed[0]; i++) {
                        context.counted(AdvisoryService.Outcome.UPDATED);
                    }
                }
            } catch (FetchException e) {
                context.commit(() -> enrichment.failed(di, e.getMessage(), config.retryBackoff()), null);
                context.failed(di, e.getMessage());
            }
        }
    }

    static Map<String, Object> summary(GudidDevice d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brandName", d.brandName());
        m.put("versionModelNumber", d.versionModelNumber());
        m.put("catalogNumber", d.catalogNumber());
        m.put("companyName", d.companyName());
        m.put("productCodes", d.productCodes());
        m.put("deviceDescription", d.description());
        m.put("publicDeviceRecordKey", d.recordKey());
        m.put("publicVersionNumber", d.versionNumber());
        m.put("publicVersionDate", d.versionDate());
        m.put("deviceRecordStatus", d.recordStatus());
        return m;
    }

    /**
     * Company → manufacturer; brand with the version/model number (unless the brand holds it) → model; catalog number
     * (else the model number) → catalog number; the first three-letter FDA product code. Never the device version:
     * GUDID's "version or model number" names the model, not the firmware a version range is about.
     */
    static GudidFill fill(Map<String, Object> s) {
        String brand = text(s.get("brandName"));
        String number = text(s.get("versionModelNumber"));
        String model = brand == null ? number : number == null || brand.toLowerCase(java.util.Locale.ROOT)
                .contains(number.toLowerCase(java.util.Locale.ROOT)) ? brand : brand + " " + number;
        String catalog = text(s.get("catalogNumber"));
        String code = null;
        if (s.get("productCodes") instanceof List<?> codes) {
            code = codes.stream().map(String::valueOf).filter(c -> c.matches("[A-Z]{3}")).findFirst().orElse(null);
        }
        return new GudidFill(cut(text(s.get("companyName")), 200), cut(model, 200),
                cut(catalog != null ? catalog : number, 100), code);
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
