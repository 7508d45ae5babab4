package org.vigil.ingest.fda.recall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.FetchException;

class OpenFdaQueryTest {

    private static final String BASE = "https://api.fda.gov";

    @Test
    void windowsUseEachEndpointsDateFieldsAndFormat() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 1, 31);
        assertEquals("report_date:[20250101+TO+20250131]+OR+termination_date:[20250101+TO+20250131]",
                Endpoint.ENFORCEMENT.search(from, to));
        assertEquals("event_date_posted:[2025-01-01+TO+2025-01-31]+OR+event_date_initiated:[2025-01-01+TO+2025-01-31]"
                + "+OR+event_date_terminated:[2025-01-01+TO+2025-01-31]", Endpoint.RECALL.search(from, to));
    }

    @Test
    void theNextLinkNeverKeepsTheApiKey() throws Exception {
        String header = "<https://api.fda.gov/device/enforcement.json?search=report_date:[20250101+TO+20250131]"
                + "&limit=1000&api_key=SECRET123&search_after=0%3DZ-0100-2025>; rel=\"next\"";
        assertEquals("https://api.fda.gov/device/enforcement.json?search=report_date:%5B20250101+TO+20250131%5D"
                + "&limit=1000&search_after=0%3DZ-0100-2025",
                OpenFdaClient.nextLink(header, "https://api.fda.gov/device/enforcement.json?search=x", BASE));
        assertEquals("https://api.fda.gov/device/recall.json?search_after=1",
                OpenFdaClient.nextLink("</device/recall.json?search_after=1&api_key=k>; rel=\"next\"",
                        "https://api.fda.gov/device/recall.json?skip=0", BASE), "a relative link resolves, key dropped");
        assertNull(OpenFdaClient.nextLink("<https://x/prev>; rel=\"prev\"", "https://api.fda.gov/", BASE));
        assertNull(OpenFdaClient.nextLink(null, "https://api.fda.gov/", BASE));
    }

    @Test
    void aNextLinkOutsideTheConfiguredSchemeOrIntoLoopbackIsRefused() {
        FetchException file = assertThrows(FetchException.class, () -> OpenFdaClient.nextLink(
                "<file:///etc/passwd>; rel=\"next\"", "https://api.fda.gov/device/recall.json?skip=0", BASE));
        assertEquals("openFDA Link header file:///etc/passwd refused: the source is https: and links may not lead to file:",
                file.getMessage());
        FetchException loopback = assertThrows(FetchException.class, () -> OpenFdaClient.nextLink(
                "<https://127.0.0.1:8080/admin?api_key=SECRET123>; rel=\"next\"", "https://api.fda.gov/device/recall.json", BASE));
        assertEquals("openFDA Link header https://127.0.0.1:8080/admin?api_key=*** refused: the source is on the internet "
                + "and this host is on a loopback, private or link-local network", loopback.getMessage());
    }

    @Test
    void cursorMovesPastAWindowOnlyWhenItIsDone() {
        RecallCursor.EndpointCursor c = RecallCursor.EndpointCursor.empty()
                .paging(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "https://api.fda.gov/p2");
        assertNull(c.through(), "a window being paged is not yet past");
        RecallCursor.EndpointCursor done = c.completed(LocalDate.of(2025, 3, 31));
        assertEquals(LocalDate.of(2025, 3, 31), done.through());
        assertEquals(LocalDate.of(2025, 3, 31), done.completed(LocalDate.of(2025, 3, 1)).through(),
                "re-reading the overlap never moves the watermark back");
    }
}
