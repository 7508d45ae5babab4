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

    /** The openFDA api_key these tests configure; no answer or log line may ever show it. */
    public static final String API_KEY = "fda-key-7c0ffee5ecre7";
    /** Every log line of the test application, written through the same redacting filter as the console. */
    public static final java.nio.file.Path LOG = java.nio.file.Path.of("target", "fda-wiremock-test.log");

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
        try {
            java.nio.file.Files.deleteIfExists(LOG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.ofEntries(
                Map.entry("vigil.sources.fda-recall.base-url", base),
                Map.entry("vigil.sources.fda-recall.api-key", API_KEY),
                Map.entry("vigil.sources.fda-recall.start-date", START.toString()),
                Map.entry("vigil.sources.fda-recall.window-days", "3650"),
                Map.entry("vigil.sources.fda-recall.page-size", "2"),
                Map.entry("vigil.sources.fda-recall.max-skip", "2"),
                Map.entry("quarkus.http.test-port", "0"),
                Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.path", LOG.toString()),
                Map.entry("quarkus.log.file.filter", "redact"),
                Map.entry("quarkus.log.file.level", "DEBUG"),
                Map.entry("quarkus.log.category.\"org.vigil\".level", "DEBUG"),
                Map.entry("vigil.sources.fda-safety.feed-url", base + "/rss-feeds/medical-devices/rss.xml"));
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
