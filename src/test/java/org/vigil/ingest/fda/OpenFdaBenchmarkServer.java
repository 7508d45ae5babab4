package org.vigil.ingest.fda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local openFDA: the JDK HTTP server on 127.0.0.1 serving {@link OpenFdaDataset} with openFDA's query semantics
 * as far as Vigil uses them (date-range search clauses joined by OR, sort, limit, skip, 404 for no matches).
 */
public class OpenFdaBenchmarkServer implements QuarkusTestResourceLifecycleManager {

    public static final LocalDate START = LocalDate.of(2012, 1, 1);
    public static final int PAIRS = Integer.getInteger("fda.benchmark.pairs", 25_000);

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Dataset {
    }

    private static final Pattern CLAUSE = Pattern.compile("(\\w+):\\[(\\S+) TO (\\S+)]");
    private HttpServer server;
    private OpenFdaDataset dataset;

    @Override
    public Map<String, String> start() {
        dataset = new OpenFdaDataset();
        dataset.generate(PAIRS, START, LocalDate.now(ZoneOffset.UTC).minusDays(2));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/device/recall.json", ex -> serve(ex, dataset.recalls, DateTimeFormatter.ISO_LOCAL_DATE));
        server.createContext("/device/enforcement.json",
                ex -> serve(ex, dataset.enforcements, DateTimeFormatter.BASIC_ISO_DATE));
        server.setExecutor(null);
        server.start();
        return Map.of("vigil.sources.fda-recall.base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "vigil.sources.fda-recall.start-date", START.toString(),
                "quarkus.http.test-port", "0");
    }

    private void serve(HttpExchange ex, List<OpenFdaDataset.Stored> records, DateTimeFormatter format)
            throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        Matcher m = CLAUSE.matcher(q.getOrDefault("search", ""));
        LocalDate from = null;
        LocalDate to = null;
        if (m.find()) {
            from = LocalDate.parse(m.group(2), format);
            to = LocalDate.parse(m.group(3), format);
        }
        int limit = Integer.parseInt(q.getOrDefault("limit", "1"));
        int skip = Integer.parseInt(q.getOrDefault("skip", "0"));
        if (limit > 1000 || skip > 25000) {
            send(ex, 400, "{\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"Limit or skip too large\"}}");
            return;
        }
        List<OpenFdaDataset.Stored> hits = new ArrayList<>();
        synchronized (records) {
            for (OpenFdaDataset.Stored s : records) {
                if (from == null || s.dates().stream().anyMatch(inRange(from, to))) {
                    hits.add(s);
                }
            }
        }
        if (hits.isEmpty()) {
            send(ex, 404, OpenFdaFixtures.NOT_FOUND);
            return;
        }
        hits.sort(Comparator.comparing(OpenFdaDataset.Stored::primary).thenComparing(OpenFdaDataset.Stored::id));
        List<OpenFdaDataset.Stored> page = hits.subList(Math.min(skip, hits.size()), Math.min(skip + limit, hits.size()));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = OpenFdaFixtures.envelope(skip, limit, hits.size(), List.of("@@"));
        String[] parts = head.split("@@");
        body.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < page.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(page.get(i).json());
        }
        body.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        send(ex, 200, body.toByteArray());
    }

    private static java.util.function.Predicate<LocalDate> inRange(LocalDate from, LocalDate to) {
        return d -> !d.isBefore(from) && !d.isAfter(to);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(dataset, new TestInjector.AnnotatedAndMatchesType(Dataset.class, OpenFdaDataset.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
