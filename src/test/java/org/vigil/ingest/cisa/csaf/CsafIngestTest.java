package org.vigil.ingest.cisa.csaf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.support.Api;

/**
 * Acceptance: a provider the test builds (documents signed with a key generated here) served by WireMock,
 * discovered through provider-metadata.json. The steps build on each other, as a provider's life does.
 */
@QuarkusTest
@WithTestResource(CsafProviderResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsafIngestTest {

    static final String A = "2099/icsma-99-201-01.json";
    static final String B = "2099/icsma-99-202-01.json";
    static final String ICSA = "2099/icsa-99-203-01.json";
    static final String TAMPERED = "2099/icsma-99-204-01.json";
    static final String FORGED = "2099/icsma-99-205-01.json";
    static TestPgp key;
    static TestProvider provider;

    @Inject
    IngestService ingest;

    @BeforeAll
    static void provider() {
        key = TestPgp.generate();
        provider = new TestProvider(CsafProviderResource.server, key)
                .put(A, CsafFixtures.pump("ICSMA-99-201-01", "1", "2099-05-01T06:00:00.000000Z"), "2099-05-01T06:00:00.000000Z")
                .put(B, CsafFixtures.pump("ICSMA-99-202-01", "2", "2099-05-02T06:00:00.000000Z"), "2099-05-02T06:00:00.000000Z")
                .put(ICSA, CsafFixtures.pump("ICSA-99-203-01", "1", "2099-05-03T06:00:00.000000Z"), "2099-05-03T06:00:00.000000Z");
        provider.publish();
    }

    private IngestRun run(IngestRun.Trigger trigger) {
        return ingest.run("cisa-csaf", trigger);
    }

    @Test
    @Order(1)
    void fullSyncImportsVerifiedMedicalAdvisoriesOnly() {
        IngestRun run = run(IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.SUCCEEDED, run.status, run.message);
        assertEquals(2, run.created);
        assertEquals(0, provider.fetches(ICSA), "ICSA is not among the configured prefixes");

        Api.Tenant hospital = Api.newHospital("Catalogue reader");
        hospital.call().get("/api/v1/advisories/ICSMA-99-201-01").then().statusCode(200)
                .body("title", equalTo("Acme Medical Infusion Pump (Update A)"))
                .body("severity", equalTo("CRITICAL"))
                .body("provenance.verification", equalTo("VERIFIED"))
                .body("provenance.keyFingerprint", equalTo(key.fingerprint()))
                .body("provenance.documentHash", containsString("sha512:"))
                .body("products.versionText", hasItems("vers:all/*", "vers:all/>=V1.17.3<V1.18.0", "* (end-of-life 2011)"))
                .body("products.find { it.versionText == 'vers:all/*' }.versionRange", equalTo("*"))
                .body("cves.cve", hasItems("CVE-2099-0001", "CVE-2099-0002"))
                .body("remediations.category", hasItem("vendor_fix"))
                .body("revisionHistory.size()", equalTo(2))
                .body("changes.type", hasItem("PUBLISHED"));
        Api.asOperator().get("/api/v1/advisories/ICSA-99-203-01").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void unchangedProviderIsANoOpThroughConditionalGet() {
        provider.resetRequests();
        IngestRun run = run(IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.SUCCEEDED, run.status);
        assertEquals(0, run.created + run.updated);
        assertEquals(0, provider.fetches(A) + provider.fetches(B), "304 on the listings: no document is fetched");
    }

    @Test
    @Order(3)
    void revisionFetchesOnlyTheChangedDocumentAndRecordsWhatChanged() {
        String revised = CsafFixtures.pump("ICSMA-99-202-01", "3", "2099-06-01T06:00:00.000000Z")
                .replace("CVE-2099-0002", "CVE-2099-0003");
        provider.put(B, revised, "2099-06-01T06:00:00.000000Z").publish();
        IngestRun run = run(IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.SUCCEEDED, run.status, run.message);
        assertEquals(1, run.updated);
        assertEquals(0, run.created);
        assertEquals(0, provider.fetches(A), "A is not newer than its stored timestamp");
        assertEquals(1, provider.fetches(B));

        Api.asOperator().get("/api/v1/advisories/ICSMA-99-202-01").then().statusCode(200)
                .body("revision", equalTo("3"))
                .body("cves.cve", hasItem("CVE-2099-0003"))
                .body("changes.find { it.type == 'CVE_ADDED' }.detail", equalTo("CVE-2099-0003 (CVSS 6.8)"))
                .body("changes.find { it.type == 'CVE_ADDED' }.revision", equalTo("3"))
                .body("changes.find { it.type == 'CVE_ADDED' }.material", equalTo(true));
    }

    @Test
    @Order(4)
    void tamperedAndForgedDocumentsAreRejectedAndReported() {
        String original = CsafFixtures.pump("ICSMA-99-204-01", "1", "2099-06-02T06:00:00.000000Z");
        provider.putTampered(TAMPERED, original, original.replace("9.8", "1.0"), "2099-06-02T06:00:00.000000Z")
                .putSignedBy(TestPgp.generate(), FORGED,
                        CsafFixtures.pump("ICSMA-99-205-01", "1", "2099-06-03T06:00:00.000000Z"), "2099-06-03T06:00:00.000000Z")
                .publish();
        IngestRun run = run(IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.PARTIAL, run.status);
        assertEquals(2, run.failed);
        assertEquals(0, run.created);

        Api.asOperator().get("/api/v1/sources/cisa-csaf/runs/" + run.id).then().statusCode(200)
                .body("errors.find { it.item == '" + TAMPERED + "' }.reason", containsString("SHA-512 mismatch"))
                .body("errors.find { it.item == '" + FORGED + "' }.reason", containsString("not the provider's key"));
        Api.asOperator().get("/api/v1/sources").then()
                .body("find { it.name == 'cisa-csaf' }.status", equalTo("PARTIAL"))
                .body("find { it.name == 'cisa-csaf' }.lastError", containsString("not imported"));
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-204-01").then().statusCode(404);
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-205-01").then().statusCode(404);
    }

    @Test
    @Order(5)
    void kevCatalogueFlagsAdvisoriesAndRecordsKevAddedOnce() {
        kev("CVE-2099-0001", "\"etag-1\"");
        IngestRun run = ingest.run("cisa-kev", IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.SUCCEEDED, run.status, run.message);
        assertEquals(2, run.created, "both catalogue entries are new");

        for (String id : new String[] {"ICSMA-99-201-01", "ICSMA-99-202-01"}) {
            Api.asOperator().get("/api/v1/advisories/" + id).then().statusCode(200)
                    .body("kev", equalTo(true))
                    .body("cves.find { it.cve == 'CVE-2099-0001' }.kev", equalTo(true))
                    .body("cves.find { it.cve == 'CVE-2099-0001' }.kevDueDate", equalTo("2099-07-21"))
                    .body("cves.find { it.cve == 'CVE-2099-0001' }.kevRansomwareUse", equalTo("Known"))
                    .body("changes.findAll { it.type == 'KEV_ADDED' }.size()", equalTo(1))
                    .body("changes.find { it.type == 'KEV_ADDED' }.detail", containsString("CVE-2099-0001 added to CISA KEV"));
        }
        Api.asOperator().get("/api/v1/advisories?kev=true").then().statusCode(200)
                .body("items.id", hasItems("ICSMA-99-201-01", "ICSMA-99-202-01"));

        IngestRun again = ingest.run("cisa-kev", IngestRun.Trigger.SCHEDULED);
        assertEquals(0, again.created + again.updated, "304: the catalogue did not change");
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-201-01").then()
                .body("changes.findAll { it.type == 'KEV_ADDED' }.size()", equalTo(1));

        kev("CVE-2099-4242", "\"etag-2\"");
        IngestRun replaced = ingest.run("cisa-kev", IngestRun.Trigger.SCHEDULED);
        assertEquals(1, replaced.created, "whole-file replace: the new entry is new, the dropped one is gone");
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-201-01").then()
                .body("kev", equalTo(false))
                .body("cves.find { it.cve == 'CVE-2099-0001' }.kev", equalTo(false));
    }

    @Test
    @Order(6)
    void operatorFullResyncRereadsEverythingWithoutChangingAnything() {
        provider.resetRequests();
        IngestRun run = run(IngestRun.Trigger.FULL_RESYNC);
        assertEquals(1, provider.fetches(A), "a full re-sync ignores the watermarks");
        assertEquals(0, run.created + run.updated);
        assertEquals(2, run.failed, "the rejected documents stay rejected");
        Api.asOperator().get("/api/v1/advisories?q=acme").then().statusCode(200)
                .body("items.id", not(hasItem("ICSMA-99-204-01")));
    }

    @Test
    @Order(7)
    void rolieDistributionFromProviderMetadataWorksToo() {
        String c = "2099/icsma-99-206-01.json";
        provider.put(c, CsafFixtures.pump("ICSMA-99-206-01", "1", "2099-08-01T06:00:00.000000Z"), "2099-08-01T06:00:00.000000Z")
                .publishRolie("{\"id\":\"ICSMA-99-299-01\",\"updated\":\"2099-08-01T06:00:00Z\",\"link\":[{\"rel\":\"self\","
                        + "\"href\":\"file:///etc/csaf/2099/icsma-99-299-01.json\"}]}");
        IngestRun run = run(IngestRun.Trigger.SCHEDULED);
        assertEquals(1, run.created, run.errorsJson);
        Api.asOperator().get("/api/v1/sources/cisa-csaf/runs/" + run.id).then()
                .body("errors.find { it.item == '2099/icsma-99-299-01.json' }.reason", equalTo("ROLIE entry link "
                        + "file:///etc/csaf/2099/icsma-99-299-01.json refused: the source is http: and links may not lead to file:"));
        assertEquals(0, provider.fetches(A), "older entries of the feed are not re-fetched");
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-206-01").then().statusCode(200)
                .body("provenance.verification", equalTo("VERIFIED"));
    }

    @Test
    @Order(8)
    void documentLostToAnOutageIsRetriedNextRunAndNothingElseIsRefetched() {
        String f = "2099/icsma-99-207-01.json";
        provider.put(f, CsafFixtures.pump("ICSMA-99-207-01", "1", "2099-09-01T06:00:00.000000Z"), "2099-09-01T06:00:00.000000Z")
                .publishRolie();
        provider.outage(f);
        IngestRun down = run(IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.PARTIAL, down.status);
        assertEquals(0, down.created);
        Api.asOperator().get("/api/v1/sources/cisa-csaf/runs/" + down.id).then()
                .body("errors.find { it.item == '" + f + "' }.reason", containsString("HTTP 503"));

        provider.publishRolie();
        IngestRun up = run(IngestRun.Trigger.SCHEDULED);
        assertEquals(1, up.created, up.errorsJson);
        assertEquals(1, provider.fetches(f));
        assertEquals(0, provider.fetches(A) + provider.fetches(B));
    }

    @Test
    @Order(9)
    void kevCatalogueThatShrinksSuspiciouslyKeepsTheFlagsUntilAFullResync() {
        kev("CVE-2099-0001", "\"etag-3\"");
        assertEquals(IngestRun.Status.SUCCEEDED, ingest.run("cisa-kev", IngestRun.Trigger.SCHEDULED).status);
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-201-01").then().body("kev", equalTo(true));

        kevBody("{\"title\":\"CISA Catalog of Known Exploited Vulnerabilities\",\"catalogVersion\":\"2099.07.02\","
                + "\"dateReleased\":\"2099-07-02T17:04:19.9796Z\",\"count\":0,\"vulnerabilities\":[]}", "\"etag-4\"");
        IngestRun empty = ingest.run("cisa-kev", IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.PARTIAL, empty.status);
        Api.asOperator().get("/api/v1/sources/cisa-kev/runs/" + empty.id).then()
                .body("errors[0].item", equalTo("catalogue 2099.07.02"))
                .body("errors[0].reason", containsString("lists 0 entries where 2 are stored"));
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-201-01").then().body("kev", equalTo(true))
                .body("cves.find { it.cve == 'CVE-2099-0001' }.kevDueDate", equalTo("2099-07-21"));
        assertEquals(IngestRun.Status.PARTIAL, ingest.run("cisa-kev", IngestRun.Trigger.SCHEDULED).status,
                "the suspect feed is read again, not skipped as unchanged");

        assertEquals(IngestRun.Status.SUCCEEDED, ingest.run("cisa-kev", IngestRun.Trigger.FULL_RESYNC).status);
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-201-01").then().body("kev", equalTo(false));
    }

    @Test
    @Order(10)
    void aKeyAppendedToTheKeyFileCannotVouchForATamperedDocument() {
        String path = "2099/icsma-99-208-01.json";
        TestPgp attacker = TestPgp.generate();
        String tampered = CsafFixtures.pump("ICSMA-99-208-01", "1", "2099-10-01T06:00:00.000000Z").replace("9.8", "1.0");
        provider.appendToKeyFile(attacker).putSignedBy(attacker, path, tampered, "2099-10-01T06:00:00.000000Z").publish();

        IngestRun run = run(IngestRun.Trigger.SCHEDULED);

        assertEquals(0, run.created);
        Api.asOperator().get("/api/v1/sources/cisa-csaf/runs/" + run.id).then()
                .body("errors.find { it.item == '" + path + "' }.reason", equalTo("not imported: signed by key "
                        + attacker.fingerprint() + ", which the key file holds but which is neither the pinned key "
                        + key.fingerprint() + " nor a subkey bound to it"));
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-208-01").then().statusCode(404);
    }

    @Test
    @Order(11)
    void imperfectDocumentsAreImportedAndFlaggedAndOnlyBrokenJsonIsRefused() {
        String trailing = "2099/icsma-99-216-01.json";
        String redHat = "2099/rhsa-2099_5186.json";
        String offSchema = "2099/icsma-99-217-01.json";
        String broken = "2099/icsma-99-218-01.json";
        String at = "2099-11-01T06:00:00.000000Z";
        provider.put(trailing, CsafFixtures.pump("ICSMA-99-216-01", "1", at)
                        .replace("\"Jane Researcher\"", "\"Jane Researcher\","), at)
                .put(redHat, CsafFixtures.redHat(), at)
                .put(offSchema, CsafFixtures.pump("ICSMA-99-217-01", "1", at)
                        .replace("\"category\": \"coordinator\"", "\"category\": \"cert\""), at)
                .put(broken, CsafFixtures.pump("ICSMA-99-218-01", "1", at)
                        .replace("\"category\": \"csaf_security_advisory\",", "\"category\": \"csaf_security_advisory\""), at)
                .publish();

        IngestRun run = run(IngestRun.Trigger.SCHEDULED);

        assertEquals(3, run.created, run.errorsJson);
        Api.asOperator().get("/api/v1/sources/cisa-csaf/runs/" + run.id).then()
                .body("errors.find { it.item == '" + broken + "' }.reason", equalTo("invalid JSON at line 12, column 5: "
                        + "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"))
                .body("errors.item", not(hasItem(redHat)));
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-216-01").then().statusCode(200)
                .body("provenance.verification", equalTo("VERIFIED"))
                .body("provenance.wellFormed", equalTo(false))
                .body("provenance.wellFormedReason", equalTo("not strict JSON: a trailing comma before line 7, column 9; "
                        + "read with trailing commas allowed, nothing else repaired"))
                .body("provenance.schemaValid", equalTo(true));
        Api.asOperator().get("/api/v1/advisories/RHSA-2099:5186").then().statusCode(200)
                .body("products.productId", hasItem("8Base-RHOSE-4.6:openshift4/ose-metering-ansible-operator-bundle:"
                        + "v4.6.0.202112161349.p0.gd74112d.assembly.stream-1"))
                .body("provenance.verification", equalTo("VERIFIED"));
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-217-01").then().statusCode(200)
                .body("provenance.schemaValid", equalTo(false))
                .body("provenance.schemaViolations[0]", containsString("/document/publisher/category: "));
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-201-01").then()
                .body("provenance.wellFormed", equalTo(true)).body("provenance.schemaValid", equalTo(true));
        Api.asOperator().get("/api/v1/advisories/ICSMA-99-218-01").then().statusCode(404);
    }

    private static void kev(String cve, String etag) {
        String body = "{\"title\":\"CISA Catalog of Known Exploited Vulnerabilities\",\"catalogVersion\":\"2099.07.01\","
                + "\"dateReleased\":\"2099-07-01T17:04:19.9796Z\",\"count\":2,\"vulnerabilities\":["
                + "{\"cveID\":\"" + cve + "\",\"vendorProject\":\"Acme Medical\",\"product\":\"Alaris Pump\","
                + "\"vulnerabilityName\":\"Acme Alaris Missing Authentication\",\"dateAdded\":\"2099-06-30\","
                + "\"shortDescription\":\"Unauthenticated commands.\",\"requiredAction\":\"Apply mitigations per vendor instructions.\","
                + "\"dueDate\":\"2099-07-21\",\"knownRansomwareCampaignUse\":\"Known\",\"notes\":\"https:\\/\\/example.org\",\"cwes\":[\"CWE-306\"]},"
                + "{\"cveID\":\"CVE-2017-0144\",\"vendorProject\":\"Microsoft\",\"product\":\"SMBv1\","
                + "\"vulnerabilityName\":\"Microsoft SMBv1 RCE\",\"dateAdded\":\"2022-02-10\",\"shortDescription\":\"x\","
                + "\"requiredAction\":\"Apply updates per vendor instructions.\",\"dueDate\":\"2022-08-10\","
                + "\"knownRansomwareCampaignUse\":\"Known\",\"notes\":\"\",\"cwes\":[]}]}";
        kevBody(body, etag);
    }

    private static void kevBody(String body, String etag) {
        var wm = CsafProviderResource.server;
        String url = "/kev/known_exploited_vulnerabilities.json";
        wm.getStubMappings().stream().filter(m -> url.equals(m.getRequest().getUrl())).toList().forEach(wm::removeStub);
        wm.stubFor(get(urlEqualTo(url)).atPriority(1).withHeader("If-None-Match",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        wm.stubFor(get(urlEqualTo(url)).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("ETag", etag).withBody(body)));
    }
}
