package org.vigil.api;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where people and clients reach this Vigil ({@code vigil.public-base-url}); docs/configuration.md. */
@ConfigMapping(prefix = "vigil")
public interface PublicUrl {

    /**
     * The public base URL, e.g. {@code https://vigil.example.org}: links in emails point at its console pages and
     * the OpenAPI document names it as the server. Unset: {@code vigil.notification.base-url} serves for links.
     */
    Optional<String> publicBaseUrl();

    /** The public base URL without a trailing slash, else {@code fallback}. */
    default String or(String fallback) {
        String url = publicBaseUrl().filter(u -> !u.isBlank()).orElse(fallback);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
