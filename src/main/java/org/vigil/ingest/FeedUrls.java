package org.vigil.ingest;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.vigil.redaction.Redactor;

/**
 * Keeps URLs that an upstream hands us (ROLIE links, key URLs, openFDA {@code Link} headers, redirects) in the
 * family of the URL the operator configured: a {@code file:} mirror links to files, an http(s) source to http(s)
 * ({@code https} never down to {@code http}), and a source on the public internet never into loopback, private,
 * link-local or metadata addresses. A compromised or spoofed feed must not make Vigil read local files or probe
 * the hospital's internal network.
 */
public final class FeedUrls {

    private FeedUrls() {
    }

    /**
     * The candidate as a URI when it stays in the family of {@code origin}; otherwise a {@link FetchException}
     * saying {@code what} was refused and why.
     */
    public static URI check(String origin, String candidate, String what) throws FetchException {
        URI from = parse(origin);
        URI to;
        try {
            to = new URI(candidate.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw refused(what, candidate, "it is not a valid URL");
        }
        String fromScheme = scheme(from);
        String toScheme = scheme(to);
        if (!to.isAbsolute()) {
            throw refused(what, candidate, "it is not an absolute URL");
        }
        boolean sameFamily = switch (fromScheme) {
            case "file" -> toScheme.equals("file");
            case "https" -> toScheme.equals("https");
            case "http" -> toScheme.equals("http") || toScheme.equals("https");
            default -> false;
        };
        if (!sameFamily) {
            throw refused(what, candidate, "the source is " + fromScheme + ": and links may not lead to " + toScheme + ":");
        }
        if (!toScheme.equals("file") && to.getHost() == null) {
            throw refused(what, candidate, "it names no host");
        }
        if (!toScheme.equals("file") && !internal(from.getHost()) && internal(to.getHost())) {
            throw refused(what, candidate, "the source is on the internet and this host is on a loopback, private or "
                    + "link-local network");
        }
        return to;
    }

    /** Same scheme, host and port: where a credential for the configured origin may be sent. */
    public static boolean sameOrigin(String a, String b) {
        try {
            URI x = new URI(a);
            URI y = new URI(b);
            return scheme(x).equals(scheme(y)) && x.getHost() != null && x.getHost().equalsIgnoreCase(y.getHost())
                    && port(x) == port(y);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Loopback, private, link-local, CGNAT or unique-local: by name, literal address, or what the name resolves to. */
    static boolean internal(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".internal") || h.endsWith(".local")) {
            return true;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h);
            for (InetAddress a : addresses) {
                if (internal(a)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | SecurityException e) {
            return false; // the fetch itself will fail; nothing to refuse here
        }
    }

    private static boolean internal(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()) {
            return true;
        }
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 100 && second >= 64 && second < 128 || first == 0;
        }
        return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }

    private static URI parse(String origin) throws FetchException {
        try {
            return new URI(origin.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new FetchException("the configured URL " + Redactor.redact(String.valueOf(origin)) + " is not valid", 0);
        }
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(scheme(uri)) ? 443 : "http".equals(scheme(uri)) ? 80 : -1;
    }

    private static FetchException refused(String what, String candidate, String why) {
        String shown = Redactor.redact(String.valueOf(candidate));
        shown = shown.length() <= 200 ? shown : shown.substring(0, 200) + "…";
        return new FetchException(what + " " + shown + " refused: " + why, 0);
    }
}
