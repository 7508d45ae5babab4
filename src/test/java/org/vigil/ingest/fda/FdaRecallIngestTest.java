package org.vigil.ingest.fda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.AdvisoryChangeRepository;
import org.vigil.advisory.AdvisoryRepository;
import org.vigil.advisory.Json;
import org.vigil.advisory.Severity;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.PoisonedAdvisories;
import org.vigil.support.Api;

@QuarkusTest
@WithTestResource(FdaWireMock.class)
class FdaRecallIngestTest {

    private static final String ENFORCEMENT = "/device/enforcement.json";
    private static final String RECALL = "/device/recall.json";

    @FdaWireMock.Server
    WireMockServer wireMock;
    @Inject
    IngestService ingest;
    @Inject
    AdvisoryRepository advisories;
    @Inject
    AdvisoryChangeRepository changes;
    @Inject
    PoisonedAdvisories poisoned;

    @Test
    void backfillPagesAcrossSkipAndSearchAfterThenAnIncrementalDayIsEmpty() {
        String start = FdaWireMock.START.format(DateTimeFormatter.BASIC_ISO_DATE);
        String startIso = FdaWireMock.START.toString();
        String link = "<http://localhost:" + wireMock.port() + ENFORCEMENT
                + "?search=report_date:%5B" + start + "+TO+20991231%5D&limit=2&search_after=0%3DZ-0004-2026"
                + "&api_key=do-not-store>; rel=\"next\"";
        wireMock.resetAll();
        // Anything not stubbed below (the incremental run's later window) is openFDA's "No matches found".
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(10)
                .willReturn(aResponse().withStatus(404).withBody(OpenFdaFixtures.NOT_FOUND)));
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).atPriority(10)
                .willReturn(aResponse().withStatus(404).withBody(OpenFdaFixtures.NOT_FOUND)));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1)
                .withQueryParam("search", containing(start)).withQueryParam("skip", equalTo("0"))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 5, List.of(
                        OpenFdaFixtures.enforcement("Z-0001-2026", "Becton Dickinson & Co.", "Class I", "Ongoing",
                                start, "BD Synapsys Informatics Solution, Catalog Number 444150",
                                "UDI-DI: 00382904441500;"),
                        OpenFdaFixtures.enforcement("Z-0002-2026", "Grace Medical, Inc.", "Class II", "Ongoing",
                                start, "Stapes Prosthesis    Model/Catalog Number: 409-375",
                                "Model/Catalog Number: 409-375 UDI code: (01)00844505000772(10)122927(17)310301"))))));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1)
                .withQueryParam("search", containing(start)).withQueryParam("skip", equalTo("2"))
                .willReturn(json(OpenFdaFixtures.envelope(2, 2, 5, List.of(
                        OpenFdaFixtures.enforcement("Z-0003-2026", "Conformis, Inc.", "Class III", "Completed",
                                start, "Knee Replacement System  Model Number: TPS-301-1113-020101",
                                "Serial Number: 0496242  UDI: M572TPS3011113011"),
                        OpenFdaFixtures.enforcement("Z-0004-2026", "R82 A/S", "Class II", "Ongoing", start,
                                "Heron chair", "Not applicable").replace("\"recall_number\":\"Z-0004-2026\",", ""))))
                        .withHeader("Link", link)));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1)
                .withQueryParam("search_after", equalTo("0=Z-0004-2026"))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 5, List.of(
                        OpenFdaFixtures.enforcement("Z-0005-2026", "Covidien LLC", "Class II", "Terminated", start,
                                "Li-ion battery packs  Product Number/CFN: 186-0208",
                                "Batteries with date code 3114 or older"))))));
        // The recall endpoint first answers 429 (rate limit) with Retry-After, then the record.
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).atPriority(1).withQueryParam("search", containing(startIso))
                .inScenario("rate").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\":{\"code\":\"TOO_MANY_REQUESTS\"}}")));
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).atPriority(1).withQueryParam("search", containing(startIso))
                .inScenario("rate").whenScenarioStateIs("served")
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 1, List.of(OpenFdaFixtures.recall("Z-0001-2026",
                        "Becton Dickinson & Co.", "MWI", startIso, "BD Synapsys Informatics Solution",
                        "UDI-DI: 00382904441500;"))))));

        // A full re-sync reads from the start date whatever other tests left in the cursor: the backfill.
        IngestRun run = ingest.run("fda-recall", IngestRun.Trigger.FULL_RESYNC);

        assertEquals(IngestRun.Status.PARTIAL, run.status, "one malformed record, the rest imported");
        assertEquals(6, run.seen);
        assertEquals(4, run.created);
        assertEquals(1, run.updated, "Z-0001-2026 came from both endpoints and is one advisory");
        assertEquals(1, run.failed);
        Api.asOperator().get("/api/v1/sources/fda-recall/runs/" + run.id).then().statusCode(200)
                .body("errors[0].item", is("enforcement record"))
                .body("errors[0].reason", is("recall_number is missing"));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(RECALL)).withQueryParam("search", containing(startIso)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ENFORCEMENT)).withQueryParam("search_after",
                equalTo("0=Z-0004-2026")));

        QuarkusTransaction.requiringNew().run(() -> {
            Advisory bd = advisories.findById("Z-0001-2026");
            assertEquals(Severity.CRITICAL, bd.severity, "class I from the enforcement report");
            assertEquals("MWI", bd.products.get(0).productCode, "product code from the recall record");
            assertEquals(List.of("00382904441500"), Json.readList(bd.products.get(0).udiDisJson, String.class));
            Map<String, Object> details = Json.readMap(bd.detailsJson);
            assertEquals(List.of("K123456"), details.get("kNumbers"));
            assertEquals("Software design", details.get("rootCause"));
            assertEquals(List.of("recall", "enforcement"), details.get("sources"));
            assertTrue(bd.rawDocument.contains("\"recall\"") && bd.rawDocument.contains("\"enforcement\""));
            Advisory conformis = advisories.findById("Z-0003-2026");
            assertEquals(Severity.MEDIUM, conformis.severity);
            assertEquals(List.of("M572TPS3011113011"), Json.readList(conformis.products.get(0).udiDisJson, String.class));
            assertEquals("Terminated", advisories.findById("Z-0005-2026").status);
            assertEquals(List.of("00844505000772"),
                    Json.readList(advisories.findById("Z-0002-2026").products.get(0).udiDisJson, String.class));
        });

        wireMock.resetRequests();
        IngestRun incremental = ingest.run("fda-recall", IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.SUCCEEDED, incremental.status, "404 No matches found is an empty window");
        assertEquals(0, incremental.seen);
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(ENFORCEMENT)).withQueryParam("search", containing(start)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ENFORCEMENT)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(RECALL)));

        // FDA reclassifies Z-0001-2026 to class II and terminates it: a full re-sync records both as changes.
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1)
                .withQueryParam("search", containing(start)).withQueryParam("skip", equalTo("0"))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 5, List.of(
                        OpenFdaFixtures.enforcement("Z-0001-2026", "Becton Dickinson & Co.", "Class II", "Terminated",
                                start, "BD Synapsys Informatics Solution, Catalog Number 444150",
                                "UDI-DI: 00382904441500;"),
                        OpenFdaFixtures.enforcement("Z-0002-2026", "Grace Medical, Inc.", "Class II", "Ongoing",
                                start, "Stapes Prosthesis    Model/Catalog Number: 409-375",
                                "Model/Catalog Number: 409-375 UDI code: (01)00844505000772(10)122927(17)310301"))))));
        IngestRun resync = ingest.run("fda-recall", IngestRun.Trigger.FULL_RESYNC);
        assertEquals(1, resync.updated, "only the reclassified recall changed");
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> recorded = changes.forAdvisory("Z-0001-2026").stream()
                    .map(c -> c.type + " " + c.detail).toList();
            assertTrue(recorded.contains("SEVERITY_CHANGED CRITICAL -> HIGH"), recorded.toString());
            assertTrue(recorded.contains("STATUS_CHANGED Open, Classified -> Terminated"), recorded.toString());
            assertEquals(Severity.HIGH, advisories.findById("Z-0001-2026").severity);
        });
    }

    @Test
    void aHospitalOwningTheRecalledUdiGetsAFinding() {
        wireMock.resetAll();
        String start = FdaWireMock.START.format(DateTimeFormatter.BASIC_ISO_DATE);
        Api.Tenant hospital = Api.newHospital("Recall Hospital");
        hospital.call().contentType("application/json").body("""
                {"assetId":"IV-1","manufacturer":"BD","model":"Nexiva Closed IV Catheter System",
                 "udiDi":"00382903835164","catalogNumber":"383516","quantity":200}""")
                .post("/api/v1/devices").then().statusCode(201);
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).willReturn(aResponse().withStatus(404)
                .withBody(OpenFdaFixtures.NOT_FOUND)));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(10).willReturn(aResponse().withStatus(404)
                .withBody(OpenFdaFixtures.NOT_FOUND)));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1).withQueryParam("skip", equalTo("0"))
                .withQueryParam("search", containing(start))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 1, List.of(OpenFdaFixtures.enforcement("Z-0901-2026",
                        "Becton Dickinson Infusion Therapy Systems Inc.", "Class I", "Ongoing", start,
                        "BD Nexiva Closed IV Catheter System - Single Port REF 383516 20 GA X1.0o in",
                        "Catalog Number: 383516 UDI-DI Code: (01)00382903835164 Lot Number: 2168865"))))));

        IngestRun run = ingest.run("fda-recall", IngestRun.Trigger.FULL_RESYNC);

        assertEquals(IngestRun.Status.SUCCEEDED, run.status);
        hospital.call().get("/api/v1/findings").then().statusCode(200)
                .body("items.advisory.id", org.hamcrest.Matchers.hasItem("Z-0901-2026"))
                .body("items.find { it.advisory.id == 'Z-0901-2026' }.advisory.severity", is("CRITICAL"));
    }

    @Test
    void aRecordTheDatabaseRefusesFailsAloneAndTheRunGoesOnToTheNextPage() {
        String start = FdaWireMock.START.format(DateTimeFormatter.BASIC_ISO_DATE);
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).willReturn(aResponse().withStatus(404)
                .withBody(OpenFdaFixtures.NOT_FOUND)));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(10).willReturn(aResponse().withStatus(404)
                .withBody(OpenFdaFixtures.NOT_FOUND)));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1).withQueryParam("skip", equalTo("0"))
                .withQueryParam("search", containing(start))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 3, List.of(
                        OpenFdaFixtures.enforcement("Z-0701-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Volumetric Pump 300", "Lot 1"),
                        OpenFdaFixtures.enforcement("Z-0702-2026", "Acme Infusion Inc.", "Class I", "Ongoing", start,
                                "Acme Volumetric Pump 400", "Lot 2"))))));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1).withQueryParam("skip", equalTo("2"))
                .withQueryParam("search", containing(start))
                .willReturn(json(OpenFdaFixtures.envelope(2, 2, 3, List.of(
                        OpenFdaFixtures.enforcement("Z-0703-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Syringe Pump 10", "Lot 3"))))));
        poisoned.poison("Z-0702-2026");
        try {
            IngestRun run = ingest.run("fda-recall", IngestRun.Trigger.FULL_RESYNC);

            assertEquals(IngestRun.Status.PARTIAL, run.status, run.message);
            assertEquals(2, run.created, "the other record of the page and the next page are stored");
            assertEquals(1, run.failed);
            String reason = Api.asOperator().get("/api/v1/sources/fda-recall/runs/" + run.id).then().statusCode(200)
                    .body("errors[0].item", is("enforcement Z-0702-2026"))
                    .extract().path("errors[0].reason");
            assertTrue(reason.startsWith("the database refused the write (reference "), reason);
            Api.asOperator().get("/api/v1/advisories/Z-0701-2026").then().statusCode(200);
            Api.asOperator().get("/api/v1/advisories/Z-0703-2026").then().statusCode(200);
            Api.asOperator().get("/api/v1/advisories/Z-0702-2026").then().statusCode(404);
        } finally {
            poisoned.clear();
        }
    }

    @Test
    void aLinkHeaderIntoTheLocalFileSystemIsRefused() {
        String start = FdaWireMock.START.format(DateTimeFormatter.BASIC_ISO_DATE);
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).willReturn(aResponse().withStatus(404)
                .withBody(OpenFdaFixtures.NOT_FOUND)));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).withQueryParam("search", containing(start))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 9000, List.of(
                        OpenFdaFixtures.enforcement("Z-0811-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Pump 1", "Lot 1"),
                        OpenFdaFixtures.enforcement("Z-0812-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Pump 2", "Lot 2"),
                        OpenFdaFixtures.enforcement("Z-0813-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Pump 3", "Lot 3"))))
                        .withHeader("Link", "<file:///etc/hostname>; rel=\"next\"")));

        IngestRun run = ingest.run("fda-recall", IngestRun.Trigger.FULL_RESYNC);

        assertEquals(IngestRun.Status.FAILED, run.status);
        assertEquals("openFDA Link header file:///etc/hostname refused: the source is http: and links may not lead to file:",
                run.message);
    }

    @Test
    void noConfiguredSecretInAnyAnswerOrLogLineAfterFailures() throws Exception {
        String start = FdaWireMock.START.format(DateTimeFormatter.BASIC_ISO_DATE);
        String otherHost = "http://127.0.0.1:" + wireMock.port() + ENFORCEMENT;
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).willReturn(aResponse().withStatus(404)
                .withBody(OpenFdaFixtures.NOT_FOUND)));
        // Page 1 reads past max-skip, so paging follows its Link: to another host, echoing our key as openFDA does.
        // Page 2's link is malformed.
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1).withQueryParam("skip", equalTo("0"))
                .withQueryParam("search", containing(start))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 9000, List.of(
                        OpenFdaFixtures.enforcement("Z-0801-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Volumetric Pump 500", "Lot 5"),
                        OpenFdaFixtures.enforcement("Z-0803-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Volumetric Pump 700", "Lot 7"),
                        OpenFdaFixtures.enforcement("Z-0804-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Volumetric Pump 800", "Lot 8"))))
                        .withHeader("Link", "<" + otherHost + "?search=x&limit=2&search_after=1%3DZ-0801-2026&api_key="
                                + FdaWireMock.API_KEY + ">; rel=\"next\"")));
        wireMock.stubFor(get(urlPathEqualTo(ENFORCEMENT)).atPriority(1).withQueryParam("search_after", equalTo("1=Z-0801-2026"))
                .willReturn(json(OpenFdaFixtures.envelope(0, 2, 9000, List.of(
                        OpenFdaFixtures.enforcement("Z-0802-2026", "Acme Infusion Inc.", "Class II", "Ongoing", start,
                                "Acme Volumetric Pump 600", "Lot 6"))))
                        .withHeader("Link", "<" + otherHost + "?search=x y&search_after=2&api_key=" + FdaWireMock.API_KEY
                                + ">; rel=\"next\"")));
        IngestRun badLink = ingest.run("fda-recall", IngestRun.Trigger.FULL_RESYNC);
        assertEquals(IngestRun.Status.FAILED, badLink.status);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ENFORCEMENT)).withHost(equalTo("localhost"))
                .withQueryParam("api_key", equalTo(FdaWireMock.API_KEY)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ENFORCEMENT)).withHost(equalTo("127.0.0.1"))
                .withQueryParam("search_after", equalTo("1=Z-0801-2026")).withQueryParam("api_key", absent()));

        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo(RECALL)).willReturn(aResponse().withStatus(503)));
        IngestRun outage = ingest.run("fda-recall", IngestRun.Trigger.FULL_RESYNC);
        assertEquals(IngestRun.Status.FAILED, outage.status);
        assertTrue(outage.message.startsWith("HTTP 503 from http://localhost:"), outage.message);

        wireMock.verify(getRequestedFor(urlPathEqualTo(RECALL)).withQueryParam("api_key", equalTo(FdaWireMock.API_KEY)));
        List<String> answers = List.of(
                Api.newHospital("Secret reader").call().get("/api/v1/sources").asString(),
                Api.asOperator().get("/api/v1/sources").asString(),
                Api.asOperator().get("/api/v1/sources/fda-recall/runs").asString(),
                Api.asOperator().get("/api/v1/sources/fda-recall/runs/" + badLink.id).asString(),
                Api.asOperator().get("/api/v1/sources/fda-recall/runs/" + outage.id).asString());
        for (String answer : answers) {
            assertFalse(answer.contains(FdaWireMock.API_KEY), answer);
        }
        assertTrue(answers.get(3).contains("openFDA Link header"), answers.get(3));
        String log = java.nio.file.Files.readString(FdaWireMock.LOG);
        assertTrue(log.contains("Source fda-recall FAILED"), "the failures were logged to the file");
        assertFalse(log.contains(FdaWireMock.API_KEY), "a log line shows the openFDA api_key");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
