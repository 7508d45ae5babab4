package org.vigil.ingest.cisa.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.ingest.FeedUrls;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.FetchResult;
import org.vigil.ingest.HttpFetcher;

/** Talks to a CSAF provider: discovery, keys, listings (conditional GET) and documents with their sidecars. */
@ApplicationScoped
class CsafClient {

    /** Where documents are listed: a directory (index.txt/changes.csv) or ROLIE feeds; keys as the provider declares them. */
    record Discovery(String directoryUrl, List<String> rolieFeeds, List<String> keyUrls, List<String> declaredFingerprints) {
    }

    /** HTTP validators of one listing file, kept in the cursor for the next conditional GET. */
    record Validators(String etag, String lastModified) {
    }

    /**
     * The documents listed, the listed items that could not be used, and whether any listing file changed since the
     * validators in the cursor.
     */
    record Listing(List<CsafListing.Entry> entries, List<CsafListing.Rejected> rejected,
            Map<String, Validators> validators, boolean changed) {
    }

    /** A fetched document with its hash file (and algorithm) and signature; null fields when not published. */
    record Fetched(int status, byte[] body, String hashAlgorithm, String sidecar, String signature) {
    }

    private final HttpFetcher http;
    private final CsafConfig config;
    private final ObjectMapper mapper = new ObjectMapper();

    CsafClient(HttpFetcher http, CsafConfig config) {
        this.http = http;
        this.config = config;
    }

    Discovery discover() throws FetchException, IOException {
        List<String> keyUrls = config.openpgpKeyUrl().map(List::of).orElse(List.of());
        if (config.directoryUrl().isPresent()) {
            return new Discovery(slash(config.directoryUrl().get()), List.of(), keyUrls, List.of());
        }
        String url = config.providerMetadataUrl();
        FetchResult r = http.get(url);
        if (!r.ok()) {
            throw new FetchException("provider metadata " + url + " answered HTTP " + r.status(), r.status());
        }
        JsonNode meta = mapper.readTree(r.body());
        String directory = null;
        List<String> feeds = new ArrayList<>();
        // Everything the metadata points to must stay in the family of the configured metadata URL (FeedUrls).
        for (JsonNode d : meta.path("distributions")) {
            if (directory == null && d.hasNonNull("directory_url")) {
                directory = slash(FeedUrls.check(url, d.get("directory_url").asText(), "directory_url").toString());
            }
            for (JsonNode f : d.path("rolie").path("feeds")) {
                if (f.hasNonNull("url")) {
                    feeds.add(FeedUrls.check(url, f.get("url").asText(), "ROLIE feed").toString());
                }
            }
        }
        if (directory == null && feeds.isEmpty()) {
            throw new IOException("provider metadata " + url + " lists no directory or ROLIE distribution");
        }
        List<String> keys = new ArrayList<>(keyUrls);
        List<String> fingerprints = new ArrayList<>();
        for (JsonNode k : meta.path("public_openpgp_keys")) {
            if (keyUrls.isEmpty() && k.hasNonNull("url")) {
                keys.add(FeedUrls.check(url, resolve(url, k.get("url").asText()), "OpenPGP key URL").toString());
            }
            if (k.hasNonNull("fingerprint")) {
                fingerprints.add(k.get("fingerprint").asText());
            }
        }
        return new Discovery(directory, directory == null ? feeds : List.of(), keys, fingerprints);
    }

    /** The provider's keys, pinned by config (or, failing that, by the fingerprints the metadata declares); null when none. */
    CsafSignatures keys(Discovery d) throws FetchException, IOException {
        if (d.keyUrls().isEmpty()) {
            return null;
        }
        List<String> pinned = config.openpgpFingerprints().orElse(d.declaredFingerprints());
        FetchResult r = http.get(d.keyUrls().get(0));
        if (!r.ok()) {
            throw new FetchException("OpenPGP key " + d.keyUrls().get(0) + " answered HTTP " + r.status(), r.status());
        }
        return CsafSignatures.load(r.body(), pinned);
    }

    /** Reads every listing file; with {@code conditional}, unchanged files answer 304 and give no entries. */
    Listing list(Discovery d, Map<String, Validators> previous, boolean conditional) throws FetchException, IOException {
        Map<String, Validators> validators = new LinkedHashMap<>();
        Map<String, CsafListing.Entry> entries = new LinkedHashMap<>();
        List<CsafListing.Rejected> rejected = new ArrayList<>();
        boolean changed = false;
        if (d.directoryUrl() != null) {
            String changesUrl = d.directoryUrl() + "changes.csv";
            Optional<String> changes = fetchListing(changesUrl, previous, validators, conditional);
            List<String> indexUrls = new ArrayList<>(List.of(d.directoryUrl() + "index.txt"));
            config.additionalIndexUrls().ifPresent(indexUrls::addAll);
            List<Optional<String>> indexes = new ArrayList<>();
            for (String u : indexUrls) {
                indexes.add(fetchListing(u, previous, validators, conditional));
            }
            changed = changes.isPresent() || indexes.stream().anyMatch(Optional::isPresent);
            if (changed && conditional) {
                // Something changed: re-read all listings in full so entries are complete.
                return list(d, previous, false);
            }
            changes.ifPresent(text -> CsafListing.changes(text).forEach((key, at) ->
                    entries.put(key, new CsafListing.Entry(key, d.directoryUrl() + key, at))));
            for (Optional<String> index : indexes) {
                index.ifPresent(text -> CsafListing.index(text).forEach(key ->
                        entries.putIfAbsent(key, new CsafListing.Entry(key, d.directoryUrl() + key, null))));
            }
        } else {
            for (String feed : d.rolieFeeds()) {
                Optional<String> text = fetchListing(feed, previous, validators, conditional);
                changed |= text.isPresent();
                if (text.isPresent()) {
                    CsafListing.Rolie read = CsafListing.rolie(text.get());
                    for (CsafListing.Entry e : read.entries()) {
                        try {
                            FeedUrls.check(feed, e.url(), "ROLIE entry link");
                            entries.merge(e.key(), e, (a, b) -> a);
                        } catch (FetchException refused) {
                            rejected.add(new CsafListing.Rejected(e.key(), refused.getMessage()));
                        }
                    }
                    rejected.addAll(read.rejected());
                }
            }
            if (changed && conditional) {
                return list(d, previous, false);
            }
        }
        return new Listing(List.copyOf(entries.values()), List.copyOf(rejected), validators, changed);
    }

    private Optional<String> fetchListing(String url, Map<String, Validators> previous,
            Map<String, Validators> validators, boolean conditional) throws FetchException {
        Validators old = conditional ? previous.get(url) : null;
        FetchResult r = http.get(url, old == null ? null : old.etag(), old == null ? null : old.lastModified(), Map.of());
        if (r.notModified()) {
            validators.put(url, old);
            return Optional.empty();
        }
        if (r.status() == 404 && url.endsWith("changes.csv")) {
            // changes.csv is optional for a directory provider: index.txt alone still lists every document.
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new FetchException(url + " answered HTTP " + r.status(), r.status());
        }
        validators.put(url, new Validators(r.etag(), r.lastModified()));
        return Optional.of(r.text());
    }

    /** The document, then its .sha512 (else .sha256) and, when keys are known, its .asc. */
    Fetched fetch(String url, boolean wantSignature) throws FetchException {
        FetchResult doc = http.get(url);
        if (!doc.ok()) {
            return new Fetched(doc.status(), null, null, null, null);
        }
        String algorithm = "SHA-512";
        String sidecar = sidecar(url + ".sha512");
        if (sidecar == null) {
            algorithm = "SHA-256";
            sidecar = sidecar(url + ".sha256");
        }
        String signature = wantSignature ? sidecar(url + ".asc") : null;
        return new Fetched(doc.status(), doc.body(), algorithm, sidecar, signature);
    }

    /** A sidecar text, or null when the provider has none (404/410); other failures are errors. */
    private String sidecar(String url) throws FetchException {
        FetchResult r = http.get(url);
        if (r.ok()) {
            return r.text();
        }
        if (r.status() == 404 || r.status() == 410) {
            return null;
        }
        throw new FetchException(url + " answered HTTP " + r.status(), r.status());
    }

    private static String resolve(String base, String relative) throws FetchException {
        try {
            return URI.create(base).resolve(relative.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new FetchException("OpenPGP key URL '" + relative + "' in the provider metadata is not a valid URL", 0);
        }
    }

    private static String slash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
