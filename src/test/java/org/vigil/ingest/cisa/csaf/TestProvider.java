package org.vigil.ingest.cisa.csaf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a CSAF trusted-provider layout on WireMock: provider-metadata.json with the public key, a TLP directory
 * with the new (quoted, time-sorted) changes.csv and index.txt, documents with .sha512 and .asc. Listing files
 * carry an ETag and answer 304 to a matching If-None-Match, as a real web server does.
 */
final class TestProvider {

    static final String DIR = "/csaf/white/";

    private record Doc(byte[] body, String timestamp, String sha512, String asc) {
    }

    private final WireMockServer wm;
    private final TestPgp key;
    private final Map<String, Doc> docs = new LinkedHashMap<>();
    private int version;
    private String keyFile;

    TestProvider(WireMockServer wm, TestPgp key) {
        this.wm = wm;
        this.key = key;
        this.keyFile = key.publicKey();
    }

    /** From the next publish on, the key file also holds {@code other}'s key (a tampered mirror appended it). */
    TestProvider appendToKeyFile(TestPgp other) {
        keyFile = key.publicKeyFollowedBy(other);
        return this;
    }

    /** A correctly hashed and signed document. */
    TestProvider put(String path, String text, String timestamp) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        docs.put(path, new Doc(body, timestamp, sha512(body, path), key.sign(body)));
        return this;
    }

    /** Hash and signature made for {@code original}; the served bytes are {@code served} (altered on the way). */
    TestProvider putTampered(String path, String original, String served, String timestamp) {
        byte[] o = original.getBytes(StandardCharsets.UTF_8);
        docs.put(path, new Doc(served.getBytes(StandardCharsets.UTF_8), timestamp, sha512(o, path), key.sign(o)));
        return this;
    }

    /** Correct hash, but signed by someone else's key. */
    TestProvider putSignedBy(TestPgp other, String path, String text, String timestamp) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        docs.put(path, new Doc(body, timestamp, sha512(body, path), other.sign(body)));
        return this;
    }

    /** (Re)publishes everything: metadata, key, listings with a new ETag, documents and sidecars. */
    void publish() {
        version++;
        wm.resetAll();
        String base = wm.baseUrl();
        stub("/.well-known/csaf/provider-metadata.json", "{\"canonical_url\":\"" + base
                + "/.well-known/csaf/provider-metadata.json\",\"distributions\":[{\"directory_url\":\"" + base + DIR
                + "\"}],\"list_on_CSAF_aggregators\":true,\"metadata_version\":\"2.0\",\"mirror_on_CSAF_aggregators\":true,"
                + "\"public_openpgp_keys\":[{\"fingerprint\":\"" + key.fingerprint() + "\",\"url\":\"" + base
                + "/keys/provider.asc\"}],\"publisher\":{\"category\":\"coordinator\",\"name\":\"Test CERT\","
                + "\"namespace\":\"https://example.org\"},\"role\":\"csaf_trusted_provider\"}");
        stub("/keys/provider.asc", keyFile);
        String changes = docs.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Doc> e) -> e.getValue().timestamp()).reversed())
                .map(e -> "\"" + e.getKey() + "\",\"" + e.getValue().timestamp() + "\"")
                .collect(Collectors.joining("\n"));
        String index = docs.keySet().stream().sorted(Comparator.reverseOrder()).collect(Collectors.joining("\n"));
        listing(DIR + "changes.csv", changes);
        listing(DIR + "index.txt", index);
        docs.forEach((path, d) -> {
            wm.stubFor(get(urlEqualTo(DIR + path)).willReturn(aResponse().withStatus(200).withBody(d.body())));
            stub(DIR + path + ".sha512", d.sha512());
            stub(DIR + path + ".asc", d.asc());
        });
    }

    /**
     * Switches the provider to a ROLIE-only distribution: metadata names a feed, the feed lists every document, plus
     * {@code extraEntries} (raw ROLIE entry JSON) as a feed may carry them.
     */
    void publishRolie(String... extraEntries) {
        publish();
        String base = wm.baseUrl();
        String feed = base + "/csaf/feed-tlp-white.json";
        stub("/.well-known/csaf/provider-metadata.json", "{\"distributions\":[{\"rolie\":{\"feeds\":[{\"summary\":\"WHITE\","
                + "\"tlp_label\":\"WHITE\",\"url\":\"" + feed + "\"}]}}],\"metadata_version\":\"2.0\","
                + "\"public_openpgp_keys\":[{\"fingerprint\":\"" + key.fingerprint() + "\",\"url\":\"" + base
                + "/keys/provider.asc\"}],\"role\":\"csaf_trusted_provider\"}");
        String entries = docs.entrySet().stream().map(e -> "{\"id\":\"" + e.getKey() + "\",\"updated\":\""
                + e.getValue().timestamp() + "\",\"link\":[{\"rel\":\"self\",\"href\":\"" + base + DIR + e.getKey()
                + "\"},{\"rel\":\"hash\",\"href\":\"" + base + DIR + e.getKey() + ".sha512\"}],"
                + "\"format\":{\"schema\":\"https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json\",\"version\":\"2.0\"}}")
                .collect(Collectors.joining(","));
        for (String extra : extraEntries) {
            entries = entries + "," + extra;
        }
        listing("/csaf/feed-tlp-white.json", "{\"feed\":{\"id\":\"test-white\",\"entry\":[" + entries + "]}}");
        wm.removeStub(wm.getStubMappings().stream().filter(m -> m.getRequest().getUrl() != null
                && m.getRequest().getUrl().endsWith("changes.csv")).findFirst().orElseThrow());
    }

    /** The document answers 503 (after the fetcher's retries the item fails) until the next publish. */
    void outage(String path) {
        wm.stubFor(get(urlEqualTo(DIR + path)).atPriority(1).willReturn(aResponse().withStatus(503)));
    }

    int fetches(String path) {
        return wm.countRequestsMatching(getRequestedFor(urlEqualTo(DIR + path)).build()).getCount();
    }

    void resetRequests() {
        wm.resetRequests();
    }

    private void listing(String url, String body) {
        String etag = "\"v" + version + "\"";
        wm.stubFor(get(urlEqualTo(url)).atPriority(1).withHeader("If-None-Match", WireMock.equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        wm.stubFor(get(urlEqualTo(url)).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("ETag", etag).withBody(body)));
    }

    private void stub(String url, String body) {
        wm.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    private static String sha512(byte[] body, String path) {
        return CsafIntegrity.hex("SHA-512", body) + "  " + path.substring(path.lastIndexOf('/') + 1);
    }
}
