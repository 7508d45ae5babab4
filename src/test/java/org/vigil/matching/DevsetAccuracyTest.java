package org.vigil.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.support.Api;

/**
 * Part of the normal test run: the product end to end against both public devsets, ../shared/matching-devset and
 * ../shared/matching-devset-2, each scored with its own figures (skipped, with the reason,
 * when ../shared/matching-devset or ../shared/corpus is absent; CI has a copy of shared/ beside the clone). Ingests the corpus
 * ICSMA through the real CSAF source (offline mirror), imports each set's devices.csv into its hospitals through the API,
 * reads the findings back through the API, and prints precision and recall against expected.csv over the
 * advisories released up to the labelling cut-off (2025-02-27). Both directions are measured: one copy of the
 * hospitals is imported before the ingestion (advisory → devices path), one after (device → advisories path).
 * Fails below recall 1.00 or precision 0.95. Its own profile (the corpus as mirror) restarts Quarkus once, on a freshly
 * cleaned in-memory database, so it shares no state with the other tests. Alone: ./mvnw -B test -Dtest=DevsetAccuracyTest
 */
@QuarkusTest
@TestProfile(DevsetProfile.class)
class DevsetAccuracyTest {

    @Inject
    IngestService ingest;

    @Test
    void precisionAndRecallThroughTheApi() throws Exception {
        DevsetFiles.requirePresent(DevsetFiles.SHARED, Boolean.getBoolean("devset.required"));
        Set<String> labelled = new HashSet<>();
        for (Path p : DevsetFiles.icsmaDocuments(true)) {
            labelled.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile())
                    .path("document").path("tracking").path("id").asText());
        }
        Map<String, Map<String, Api.Tenant>> before = new LinkedHashMap<>();
        for (String set : DevsetFiles.SETS) {
            before.put(set, importHospitals(set, "before"));
        }
        long start = System.nanoTime();
        IngestRun run = ingest.run("cisa-csaf", IngestRun.Trigger.SCHEDULED);
        long ingestNanos = System.nanoTime() - start;
        System.out.printf("%nCSAF ingestion: %s, %d new advisories in %.1f s (matching included); %d of them released "
                + "up to 2025-02-27%n", run.status, run.created, ingestNanos / 1e9, labelled.size());
        assertTrue(labelled.size() > 100 && run.created >= labelled.size(),
                "the corpus ICSMA were ingested (" + run.created + " of " + labelled.size() + " labelled)");
        List<Runnable> goals = new ArrayList<>();
        for (String set : DevsetFiles.SETS) {
            start = System.nanoTime();
            Map<String, Api.Tenant> after = importHospitals(set, "after");
            long importNanos = System.nanoTime() - start;
            Set<String> expected = DevsetFiles.pairs(set, "expected.csv");
            Set<String> decoys = DevsetFiles.pairs(set, "decoys.csv");
            System.out.printf("%n=== Matching devset (../shared/%s) ===%n", set);
            System.out.printf("device import after ingestion (matched on arrival): %.2f s%n", importNanos / 1e9);
            Set<String> viaAdvisories = measure("devices first, advisories matched on ingestion", before.get(set),
                    labelled, expected, decoys);
            Set<String> viaDevices = measure("advisories first, devices matched on import", after, labelled, expected,
                    decoys);
            long tp = viaDevices.stream().filter(expected::contains).count();
            goals.add(() -> {
                assertEquals(viaAdvisories, viaDevices, set + ": both directions of the index find the same pairs");
                assertEquals(expected.size(), tp, set + ": recall 1.00 (missed pairs are printed as FN above)");
                assertTrue(tp >= 0.95 * viaDevices.size(), set + ": precision at least 0.95 (false pairs are printed "
                        + "as FP above): " + tp + " of " + viaDevices.size());
            });
        }
        goals.forEach(Runnable::run);
    }

    private Map<String, Api.Tenant> importHospitals(String set, String label) throws Exception {
        List<String> lines = Files.readAllLines(DevsetFiles.SHARED.resolve(set + "/devices.csv"));
        Map<String, List<String>> byHospital = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = DevsetFiles.csv(line);
            byHospital.computeIfAbsent(f.get(8), h -> new ArrayList<>(List.of(lines.get(0)))).add(line);
        }
        Map<String, Api.Tenant> tenants = new LinkedHashMap<>();
        byHospital.forEach((hospital, rows) -> {
            Api.Tenant t = Api.newHospital(set + " " + hospital + " " + label);
            t.call().contentType("text/csv; charset=UTF-8").body(String.join("\n", rows).getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/devices/import")
                    .then().statusCode(200).body("rejected", org.hamcrest.Matchers.equalTo(0));
            tenants.put(hospital, t);
        });
        return tenants;
    }

    private static Set<String> measure(String label, Map<String, Api.Tenant> tenants, Set<String> labelled,
            Set<String> expected, Set<String> decoys) {
        Set<String> found = new TreeSet<>();
        List<String> lines = new ArrayList<>();
        for (Api.Tenant t : tenants.values()) {
            var items = t.call().get("/api/v1/findings?size=500").then().statusCode(200).extract().jsonPath()
                    .getList("items", Map.class);
            for (Map<?, ?> item : items) {
                String asset = (String) ((Map<?, ?>) item.get("device")).get("assetId");
                String advisory = (String) ((Map<?, ?>) item.get("advisory")).get("id");
                if (!labelled.contains(advisory)) {
                    continue;
                }
                String pair = asset + " " + advisory;
                found.add(pair);
                if (!expected.contains(pair)) {
                    lines.add((decoys.contains(pair) ? "  FP (decoy) " : "  FP ") + pair + " " + item.get("confidence")
                            + " " + item.get("reasons"));
                }
            }
        }
        expected.stream().filter(p -> !found.contains(p)).forEach(p -> lines.add("  FN " + p));
        long tp = found.stream().filter(expected::contains).count();
        System.out.printf("%s: found %d pairs, expected %d, true positives %d -> precision %.3f, recall %.3f%n", label,
                found.size(), expected.size(), tp, found.isEmpty() ? 0.0 : (double) tp / found.size(),
                (double) tp / expected.size());
        lines.forEach(System.out::println);
        return found;
    }
}
