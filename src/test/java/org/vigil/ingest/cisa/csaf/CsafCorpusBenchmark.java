package org.vigil.ingest.cisa.csaf;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.support.Api;

/**
 * Ingests every ICSMA of the shared corpus (../shared/corpus/cisa-csaf; skipped when absent) as an offline
 * mirror, prints documents/second next to a bare Jackson parse of the same files, checks that a second run is a
 * no-op and that ICSMA-25-030-01 reads as CISA published it. Run:
 * {@code ./mvnw -B test -Dtest=CsafCorpusBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@TestProfile(CorpusProfiles.Medical.class)
class CsafCorpusBenchmark {

    @Inject
    IngestService ingest;
    @Inject
    CsafIngestor csaf;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void ingestsEveryMedicalAdvisoryOfTheCorpus() throws IOException {
        Assumptions.assumeTrue(CorpusProfiles.corpus().isPresent(),
                "../shared/corpus/cisa-csaf is absent: corpus benchmark skipped");
        Path dir = CorpusProfiles.corpus().get().resolve("OT/white");
        List<Path> files = documents(dir, "icsma-");

        long parseStart = System.nanoTime();
        int parsed = bareParse(files);
        long parseNanos = System.nanoTime() - parseStart;

        long schemaStart = System.nanoTime();
        int validated = schemaCheck(files);
        long schemaNanos = System.nanoTime() - schemaStart;

        long start = System.nanoTime();
        IngestRun first = ingest.run("cisa-csaf", IngestRun.Trigger.SCHEDULED);
        long nanos = System.nanoTime() - start;
        CsafIngestor.Stats stats = csaf.lastRun();
        IngestRun second = ingest.run("cisa-csaf", IngestRun.Trigger.SCHEDULED);
        CsafIngestor.Stats secondStats = csaf.lastRun();

        System.out.printf("%n=== CSAF corpus benchmark (ICSMA) ===%n");
        System.out.printf("ICSMA files present in the corpus: %d%n", files.size());
        System.out.printf("listed (changes.csv + index.txt + upstream-2026/index.txt): %d, fetched %d, absent from the mirror (skipped) %d%n",
                stats.listed(), stats.fetched(), stats.missing());
        System.out.printf("first run: %s, new %d, updated %d, failed %d in %.2f s -> %.1f documents/s%n", first.status,
                first.created, first.updated, first.failed, nanos / 1e9, (stats.fetched() - stats.missing()) / (nanos / 1e9));
        System.out.printf("bare Jackson readTree of the same %d files (%d parsed): %.3f s%n", files.size(), parsed, parseNanos / 1e9);
        System.out.printf("CSAF 2.0 schema validation alone of the same files (%d valid): %.3f s%n", validated,
                schemaNanos / 1e9);
        System.out.printf("errors: %s%n", first.errorsJson);
        System.out.printf("second run: %s, new %d, updated %d, failed %d, fetched %d (absent %d re-tried)%n", second.status,
                second.created, second.updated, second.failed, secondStats.fetched(), secondStats.missing());

        assertEquals(183, files.size());
        assertEquals(183, first.created, "icsma-26-216-01 (a trailing comma, its SHA-512 matching) is read too");
        assertEquals(0, first.failed, first.errorsJson);
        assertEquals(0, second.created + second.updated);
        Api.asOperator().get("/api/v1/advisories/ICSMA-26-216-01").then().statusCode(200)
                .body("provenance.wellFormed", equalTo(false))
                .body("provenance.wellFormedReason", containsString("a trailing comma before line 9, column 9"));
        List<Object[]> checks = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.schemaValid, count(a) from Advisory a where a.source = 'cisa-csaf' group by a.schemaValid",
                Object[].class).getResultList());
        List<String> violations = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.id || ' ' || a.schemaViolationsJson from Advisory a where a.schemaValid = false", String.class)
                .setMaxResults(5).getResultList());
        System.out.printf("CSAF 2.0 schema (schemaValid -> advisories): %s; first violations: %s%n",
                checks.stream().map(r -> r[0] + "=" + r[1]).toList(), violations);

        long kevStart = System.nanoTime();
        IngestRun kev = ingest.run("cisa-kev", IngestRun.Trigger.SCHEDULED);
        long kevNanos = System.nanoTime() - kevStart;
        List<String> flagged = Api.asOperator().get("/api/v1/advisories?kev=true&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        System.out.printf("KEV catalogue (corpus, 2025.08.25): %s, %d entries in %.2f s; ICSMA advisories flagged: %s%n",
                kev.status, kev.seen, kevNanos / 1e9, flagged);
        assertEquals(IngestRun.Status.SUCCEEDED, kev.status, kev.message);
        assertTrue(flagged.containsAll(List.of("ICSMA-17-215-01", "ICSMA-17-215-02", "ICSMA-18-058-02", "ICSMA-20-049-01",
                "ICSMA-20-170-01", "ICSMA-21-187-01")), flagged.toString());

        Api.Tenant hospital = Api.newHospital("Corpus reader");
        hospital.call().get("/api/v1/advisories/ICSMA-25-030-01").then().statusCode(200)
                .body("vendors", equalTo("Contec Health"))
                .body("products.product", hasItems("CMS8000 Patient Monitor Firmware", "CMS8000 Patient Monitor"))
                .body("products.versionText", hasItems("smart3250-2.6.27-wlan2.1.7.cramfs", "CMS7.820.075.08/0.74(0.75)",
                        "CMS7.820.120.01/0.93(0.95)", "vers:all/*"))
                .body("cves.size()", equalTo(4))
                .body("cves.find { it.cve == 'CVE-2024-12248' }.cvssScore", equalTo(9.8f))
                .body("cves.find { it.cve == 'CVE-2025-0626' }.cvssScore", equalTo(7.5f))
                .body("cves.find { it.cve == 'CVE-2025-0683' }.cvssScore", equalTo(5.9f))
                .body("cves.find { it.cve == 'CVE-2025-1204' }.cvssScore", equalTo(7.5f))
                .body("severity", equalTo("CRITICAL"))
                .body("remediations.details", hasItem(containsString("remove any Contec CMS8000 devices from their networks")))
                .body("revision", equalTo("2"))
                .body("revisionHistory.size()", equalTo(2))
                .body("revisionHistory[1].legacyVersion", equalTo("Update A"))
                .body("provenance.verification", equalTo("UNVERIFIED"))
                .body("provenance.documentHash", equalTo(
                        "sha512:952af9562557970fc38e5faa13897cb242404ee2072730c1f342095999fedfe173902afbba07ea5385429523ca4ad6b94c6c38193c7b93184bb4f106ed165ad5"))
                .body("provenance.detail", containsString("SHA-512 matches"));
        String detail = hospital.call().get("/api/v1/advisories/ICSMA-25-030-01").asString();
        System.out.printf("GET /api/v1/advisories/ICSMA-25-030-01 (%d bytes): %s%n", detail.length(),
                detail.length() > 1500 ? detail.substring(0, 1500) + "..." : detail);
    }

    static List<Path> documents(Path dir, String... prefixes) throws IOException {
        try (Stream<Path> years = Files.list(dir)) {
            return years.filter(p -> p.getFileName().toString().matches("\\d{4}")).flatMap(y -> {
                try {
                    return Files.list(y).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json") && Stream.of(prefixes).anyMatch(n::startsWith);
            }).sorted().toList();
        }
    }

    /** Reads (as the ingest does) and validates each file; returns how many are schema-valid. */
    static int schemaCheck(List<Path> files) throws IOException {
        int valid = 0;
        for (Path f : files) {
            try {
                valid += CsafSchema.validate(CsafJson.read(Files.readString(f)).root()).valid() ? 1 : 0;
            } catch (CsafFormatException e) {
                // not JSON at all: counted as not valid
            }
        }
        return valid;
    }

    static int bareParse(List<Path> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int ok = 0;
        for (Path f : files) {
            try {
                mapper.readTree(Files.readAllBytes(f));
                ok++;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // icsma-26-216-01 is invalid JSON as published; the bare parse fails on it too.
            }
        }
        return ok;
    }
}
