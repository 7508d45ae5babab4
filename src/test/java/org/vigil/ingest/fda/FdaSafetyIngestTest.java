package org.vigil.ingest.fda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryRepository;
import org.vigil.advisory.AdvisoryService;
import org.vigil.advisory.Json;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.support.Api;

@QuarkusTest
@WithTestResource(FdaWireMock.class)
class FdaSafetyIngestTest {

    private static final String FEED = "/rss-feeds/medical-devices/rss.xml";
    private static final String CONTEC_LINK = "https://www.fda.gov/medical-devices/safety-communications/"
            + "cybersecurity-vulnerabilities-certain-patient-monitors-contec-and-epsimed-fda-safety-communication";

    @FdaWireMock.Server
    WireMockServer wireMock;
    @Inject
    IngestService ingest;
    @Inject
    AdvisoryService advisoryService;
    @Inject
    AdvisoryRepository advisories;

    static String feed(String items) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:og="http://ogp.me/ns#" version="2.0"
                    xml:base="https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/medical-devices/rss.xml">
                  <channel>
                    <title>Medical Devices</title>
                    <link>
                        https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/medical-devices/rss.xml
                    </link>
                    <description />
                %s
                  </channel>
                </rss>""".formatted(items);
    }

    @Test
    void deviceCommunicationIsStoredAndLinkedToTheCisaAdvisory() {
        advisoryService.upsert(new AdvisoryDraft("ICSMA-25-030-01", "cisa-csaf",
                "Contec Health CMS8000 Patient Monitor", "Backdoor", null, Instant.parse("2025-01-30T12:00:00Z"),
                null, "1", Severity.CRITICAL, "final",
                List.of(new AdvisoryDraft.Cve("CVE-2025-0626", null, null, null, "3.1", null, 9.8, "CRITICAL",
                        List.of("CSAFPID-0001"))),
                List.of(new AdvisoryDraft.Product("CSAFPID-0001", "Contec Health", "CMS8000", "vers:all/*",
                        ProductStatus.AFFECTED, null, List.of(), List.of(), List.of())),
                List.of(), List.of(), List.of(), Map.of(),
                new AdvisoryDraft.Provenance("sha512:00", Verification.VERIFIED, "test", null), "{}"));
        String items = """
                <item>
                  <title>Cybersecurity Vulnerabilities with Certain Patient Monitors from Contec and Epsimed: FDA
                      Safety Communication
                  </title>
                  <link>
                      %s
                  </link>
                  <description>&lt;p&gt;The FDA is raising awareness that the Contec CMS8000 patient monitor, also
                      sold relabeled as the Epsimed MN-120, has cybersecurity vulnerabilities.&lt;/p&gt;</description>
                  <pubDate>
                      <time datetime="2025-01-30T15:00:00Z">Thu, 01/30/2025 - 10:00</time>
                  </pubDate>
                  <guid isPermaLink="true">
                      %s
                  </guid>
                </item>
                <item>
                  <title>Vivimed Issues Voluntary Nationwide Recall of Losartan Potassium Tablets</title>
                  <link>/safety/recalls-market-withdrawals-safety-alerts/vivimed-losartan</link>
                  <description>Vivimed is recalling 19 lots of Losartan Potassium Tablets.</description>
                  <pubDate><time datetime="2019-05-03T19:21:28Z">Fri, 05/03/2019 - 15:21</time></pubDate>
                </item>""".formatted(CONTEC_LINK, CONTEC_LINK);
        wireMock.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody(feed(items))));

        IngestRun run = ingest.run("fda-safety", IngestRun.Trigger.SCHEDULED);

        assertEquals(IngestRun.Status.SUCCEEDED, run.status);
        assertEquals(1, run.seen, "the drug recall is not a medical-device communication");
        assertEquals(1, run.created);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, advisories.count("source = ?1 and url like ?2", "fda-safety", "%vivimed%"),
                    "the drug recall is not stored");
            List<Advisory> stored = advisories.list("source = ?1 and url = ?2", "fda-safety", CONTEC_LINK);
            assertEquals(1, stored.size());
            Advisory a = stored.get(0);
            assertEquals(CONTEC_LINK, a.url);
            assertEquals(Instant.parse("2025-01-30T15:00:00Z"), a.published);
            assertEquals("Cybersecurity Vulnerabilities with Certain Patient Monitors from Contec and Epsimed: FDA "
                    + "Safety Communication", a.title);
            assertFalse(a.summary.contains("<p>"), "HTML stripped from the summary");
            Map<String, Object> details = Json.readMap(a.detailsJson);
            assertEquals(List.of("ICSMA-25-030-01"), details.get("relatedAdvisories"));
            assertEquals("https://www.cisa.gov/news-events/ics-medical-advisories/icsma-25-030-01",
                    Json.readList(a.referencesJson, AdvisoryDraft.Reference.class).get(0).url());
            assertEquals(List.of("Contec", "Epsimed"), details.get("manufacturers"));
            assertEquals(List.of("CMS8000", "MN-120"), details.get("products"));
            assertEquals("Contec", a.products.get(0).vendor);
            assertEquals("CMS8000", a.products.get(0).product);
            assertEquals("Epsimed", a.products.get(1).vendor);
            Api.asOperator().get("/api/v1/advisories/" + a.id).then().statusCode(200)
                    .body("details.relatedAdvisories[0]", org.hamcrest.Matchers.is("ICSMA-25-030-01"))
                    .body("source", org.hamcrest.Matchers.is("fda-safety"));
        });
    }

    @Test
    void aCisaAdvisoryPublishedAfterTheCommunicationIsLinkedOnTheNextRun() {
        String link = "https://www.fda.gov/medical-devices/safety-communications/acme-infusion-pump-cybersecurity";
        wireMock.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(200).withBody(feed("""
                <item>
                  <title>Cybersecurity Risks with Infusion Pumps from Acmedyne: FDA Safety Communication</title>
                  <link> %s </link>
                  <description>Acmedyne AP-900 infusion pumps have a vulnerability (CVE-2099-12345).</description>
                  <pubDate><time datetime="2026-11-01T12:00:00Z">Sun, 11/01/2026 - 07:00</time></pubDate>
                </item>""".formatted(link)))));
        assertEquals(IngestRun.Status.SUCCEEDED, ingest.run("fda-safety", IngestRun.Trigger.SCHEDULED).status);
        String id = "acme-infusion-pump-cybersecurity";
        QuarkusTransaction.requiringNew().run(() -> assertEquals(List.of(),
                Json.readMap(advisories.findById(id).detailsJson).get("relatedAdvisories")));

        advisoryService.upsert(new AdvisoryDraft("ICSMA-99-001-01", "cisa-csaf", "Acmedyne AP-900", "s", null,
                Instant.parse("2026-11-02T00:00:00Z"), null, "1", Severity.HIGH, "final",
                List.of(new AdvisoryDraft.Cve("CVE-2099-12345", null, null, null, "3.1", null, 7.5, "HIGH",
                        List.of("CSAFPID-0001"))),
                List.of(new AdvisoryDraft.Product("CSAFPID-0001", "Acmedyne Inc.", "AP-900", "vers:all/*",
                        ProductStatus.AFFECTED, null, List.of(), List.of(), List.of())),
                List.of(), List.of(), List.of(), Map.of(),
                new AdvisoryDraft.Provenance("sha512:00", Verification.VERIFIED, "test", null), "{}"));
        IngestRun next = ingest.run("fda-safety", IngestRun.Trigger.SCHEDULED);
        assertEquals(1, next.updated);
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Object> details = Json.readMap(advisories.findById(id).detailsJson);
            assertEquals(List.of("ICSMA-99-001-01"), details.get("relatedAdvisories"));
            assertEquals(List.of("CVE-2099-12345"), details.get("cves"));
        });
    }

    @Test
    void anXxeFeedIsRefusedAndItsEntityNeverResolved() {
        String secret = "http://localhost:" + wireMock.port() + "/secret";
        wireMock.stubFor(get(urlPathEqualTo("/secret")).willReturn(aResponse().withBody("TOP-SECRET")));
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                <rss version="2.0"><channel><item><title>Device alert &secret;</title>
                <link>https://www.fda.gov/medical-devices/safety-communications/xxe-probe</link>
                </item></channel></rss>""".formatted(secret);
        wireMock.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(200).withBody(xxe)));

        IngestRun run = ingest.run("fda-safety", IngestRun.Trigger.SCHEDULED);

        assertEquals(IngestRun.Status.FAILED, run.status);
        assertNotNull(run.message);
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/secret")));
        QuarkusTransaction.requiringNew().run(() -> assertNull(advisories.findById("xxe-probe")));
        Api.asOperator().get("/api/v1/sources").then().statusCode(200)
                .body("find { it.name == 'fda-safety' }.lastError", containsString("DOCTYPE"));
    }
}
