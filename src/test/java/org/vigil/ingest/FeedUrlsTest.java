package org.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedUrlsTest {

    private static final String CISA = "https://www.cisa.gov/sites/default/files/csaf/provider-metadata.json";

    @Test
    void linksOfAnHttpsSourceStayOnHttpsAndOffInternalNetworks() throws Exception {
        assertEquals("https://www.cisa.gov/sites/default/files/csaf/OT/white/",
                FeedUrls.check(CISA, "https://www.cisa.gov/sites/default/files/csaf/OT/white/", "directory_url").toString());
        assertEquals("https://cdn.example.org/feed.json", FeedUrls.check(CISA, "https://cdn.example.org/feed.json", "ROLIE feed")
                .toString(), "another public host is fine: no credential goes there");
        assertEquals("ROLIE feed file:/etc/passwd refused: the source is https: and links may not lead to file:",
                assertThrows(FetchException.class, () -> FeedUrls.check(CISA, "file:/etc/passwd", "ROLIE feed")).getMessage());
        assertEquals("ROLIE feed http://www.cisa.gov/x refused: the source is https: and links may not lead to http:",
                assertThrows(FetchException.class, () -> FeedUrls.check(CISA, "http://www.cisa.gov/x", "ROLIE feed")).getMessage());
        for (String internal : new String[] {"https://127.0.0.1:8080/", "https://localhost/", "https://10.1.2.3/",
                "https://192.168.0.1/", "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://[fd00::1]/",
                "https://100.64.0.1/", "https://metadata.google.internal/"}) {
            FetchException e = assertThrows(FetchException.class, () -> FeedUrls.check(CISA, internal, "key URL"), internal);
            assertTrue(e.getMessage().endsWith("refused: the source is on the internet and this host is on a loopback, "
                    + "private or link-local network"), e.getMessage());
        }
        assertThrows(FetchException.class, () -> FeedUrls.check(CISA, "gopher://www.cisa.gov/", "link"));
        assertThrows(FetchException.class, () -> FeedUrls.check(CISA, "https://exa mple.org/", "link"));
    }

    @Test
    void anHttpSourceMayUpgradeToHttpsAndAnOfflineMirrorStaysOnFiles() throws Exception {
        assertEquals("https://mirror.example.org/a.json",
                FeedUrls.check("http://mirror.example.org/", "https://mirror.example.org/a.json", "link").toString());
        assertEquals("file:/srv/csaf/2025/x.json", FeedUrls.check("file:/srv/csaf/", "file:/srv/csaf/2025/x.json", "link").toString());
        assertThrows(FetchException.class, () -> FeedUrls.check("file:/srv/csaf/", "https://example.org/x.json", "link"));
    }

    @Test
    void aSourceTheOperatorPutOnALocalNetworkMayLinkWithinIt() throws Exception {
        assertEquals("http://10.0.0.7/csaf/x.json", FeedUrls.check("http://127.0.0.1:9000/", "http://10.0.0.7/csaf/x.json",
                "link").toString());
    }

    @Test
    void credentialsGoOnlyToTheSameSchemeHostAndPort() {
        assertTrue(FeedUrls.sameOrigin("https://api.fda.gov/device/recall.json?skip=0", "https://api.fda.gov"));
        assertTrue(FeedUrls.sameOrigin("https://API.fda.gov:443/x", "https://api.fda.gov"));
        assertFalse(FeedUrls.sameOrigin("https://api.fda.gov.evil.example/x", "https://api.fda.gov"));
        assertFalse(FeedUrls.sameOrigin("http://api.fda.gov/x", "https://api.fda.gov"));
        assertFalse(FeedUrls.sameOrigin("https://api.fda.gov:8443/x", "https://api.fda.gov"));
    }
}
