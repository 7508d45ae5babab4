package org.vigil.ingest.fda;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A WireMock server on a dynamic port standing in for api.fda.gov and the FDA RSS feed. Tiny pages (2 records,
 * skip up to 2) so that a test with five records crosses both skip paging and search_after.
 */
public class FdaWireMock implements QuarkusTestResourceLifecycleManager {

    /** The backfill of the first run starts here; tests match its first window on this date. */
    public static final LocalDate START = LocalDate.now(ZoneOffset.UTC).minusDays(60);

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of(
                "vigil.sources.fda-recall.base-url", base,
                "vigil.sources.fda-recall.start-date", START.toString(),
                "vigil.sources.fda-recall.window-days", "3650",
                "vigil.sources.fda-recall.page-size", "2",
                "vigil.sources.fda-recall.max-skip", "2",
                "quarkus.http.test-port", "0",
                "vigil.sources.fda-safety.feed-url", base + "/rss-feeds/medical-devices/rss.xml");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
