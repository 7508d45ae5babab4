package org.vigil.ingest.fda.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyFeedParserTest {

    /** The FDA Drupal feed layout: xml:base, RDF namespaces, padded link/guid, pubDate holding an HTML time element. */
    static String feed(String items) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:og="http://ogp.me/ns#"
                    xmlns:schema="http://schema.org/" version="2.0"
                    xml:base="https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/medical-devices/rss.xml">
                    <channel>
                        <title>Medical Devices</title>
                        <link>
                            https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/medical-devices/rss.xml
                        </link>
                        <description />
                        <language>en</language>
                %s
                    </channel>
                </rss>
                """.formatted(items);
    }

    static final String CONTEC = """
            <item>
                <title>Cybersecurity Vulnerabilities with Certain Patient Monitors from Contec and Epsimed: FDA
                    Safety Communication
                </title>
                <link>
                    https://www.fda.gov/medical-devices/safety-communications/cybersecurity-vulnerabilities-certain-patient-monitors-contec-and-epsimed-fda-safety-communication
                </link>
                <description>The FDA is raising awareness that the Contec CMS8000 patient monitor, also sold
                    relabeled as the Epsimed MN-120, contains cybersecurity vulnerabilities that may allow
                    unauthorized actors to bypass controls and manipulate the device once it is connected to the internet.
                </description>
                <pubDate>
                    <time datetime="2025-01-30T15:00:00Z">Thu, 01/30/2025 - 10:00</time>
                </pubDate>
                <dc:creator>FDA</dc:creator>
                <guid isPermaLink="true">
                    https://www.fda.gov/medical-devices/safety-communications/cybersecurity-vulnerabilities-certain-patient-monitors-contec-and-epsimed-fda-safety-communication
                </guid>
            </item>
            """;

    static final String DRUG = """
            <item>
                <title>Vivimed Life Sciences Pvt Ltd Issues Voluntary Nationwide Recall of Losartan Potassium Tablets</title>
                <link>/safety/recalls-market-withdrawals-safety-alerts/vivimed-losartan</link>
                <description>Vivimed is recalling 19 lots of Losartan Potassium Tablets USP 25 mg.</description>
                <pubDate>Fri, 03 May 2019 19:21:28 GMT</pubDate>
            </item>
            """;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void drupalQuirksAreRead() throws Exception {
        List<FeedItem> items = SafetyFeedParser.parse(bytes(feed(CONTEC + DRUG)), 100_000);
        assertEquals(2, items.size());
        FeedItem contec = items.get(0);
        assertEquals("Cybersecurity Vulnerabilities with Certain Patient Monitors from Contec and Epsimed: FDA "
                + "Safety Communication", contec.title());
        assertEquals("https://www.fda.gov/medical-devices/safety-communications/cybersecurity-vulnerabilities-"
                + "certain-patient-monitors-contec-and-epsimed-fda-safety-communication", contec.link());
        assertEquals(Instant.parse("2025-01-30T15:00:00Z"), contec.published(), "time/@datetime, not the text");
        FeedItem drug = items.get(1);
        assertEquals("https://www.fda.gov/safety/recalls-market-withdrawals-safety-alerts/vivimed-losartan",
                drug.link(), "relative link resolved against xml:base");
        assertEquals(Instant.parse("2019-05-03T19:21:28Z"), drug.published(), "plain RFC 822 pubDate");
    }

    @Test
    void deviceCommunicationsAreKeptDrugRecallsAreNot() throws Exception {
        List<FeedItem> items = SafetyFeedParser.parse(bytes(feed(CONTEC + DRUG)), 100_000);
        List<String> words = List.of("medical device", "patient monitor");
        assertTrue(SafetyConverter.isDeviceCommunication(items.get(0), "/medical-devices/safety-communications/", words));
        assertFalse(SafetyConverter.isDeviceCommunication(items.get(1), "/medical-devices/safety-communications/", words));
    }

    @Test
    void externalEntityIsRefusedNotResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><item><title>&secret;</title>
                <link>https://www.fda.gov/medical-devices/safety-communications/x</link></item></channel></rss>""";
        SafetyFeedParser.FeedRefusedException e = assertThrows(SafetyFeedParser.FeedRefusedException.class,
                () -> SafetyFeedParser.parse(bytes(xxe), 100_000));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "<rss version=\"2.0\"><channel><item><title>&lol9;</title>"
                + "</item></channel></rss>";
        assertThrows(SafetyFeedParser.FeedRefusedException.class, () -> SafetyFeedParser.parse(bytes(bomb), 100_000));
    }

    @Test
    void aGiganticItemIsRefused() {
        String huge = "<item><title>Device</title><description>" + "x".repeat(200_001) + "</description></item>";
        SafetyFeedParser.FeedRefusedException e = assertThrows(SafetyFeedParser.FeedRefusedException.class,
                () -> SafetyFeedParser.parse(bytes(feed(huge)), 200_000));
        assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
    }

    @Test
    void notXmlIsRefusedWithAReason() {
        assertThrows(SafetyFeedParser.FeedRefusedException.class,
                () -> SafetyFeedParser.parse(bytes("<html><body>maintenance"), 100_000));
    }

    @Test
    void mentionsNameTheFirmsAndPairTheirProducts() throws Exception {
        FeedItem contec = SafetyFeedParser.parse(bytes(feed(CONTEC)), 100_000).get(0);
        Mentions.Found found = Mentions.in(contec.title(), contec.description());
        assertEquals(List.of("Contec", "Epsimed"), found.manufacturers());
        assertEquals(List.of("CMS8000", "MN-120"), found.products());
        assertEquals(List.of(new Mentions.Pair("Contec", "CMS8000"), new Mentions.Pair("Epsimed", "MN-120")),
                found.pairs());
        String id = SafetyConverter.id(contec);
        assertTrue(id.matches("cybersecurity-vulnerabilities-certain-patient-monitors-[0-9a-f]{8}"), id);
        assertEquals(id, SafetyConverter.id(contec), "stable across runs");
        assertTrue(CisaLinks.sharesProduct("CMS8000", found.products()));
        assertTrue(CisaLinks.sharesProduct("Epsimed MN120", found.products()));
        assertFalse(CisaLinks.sharesProduct("CMS1000", found.products()));
    }
}
