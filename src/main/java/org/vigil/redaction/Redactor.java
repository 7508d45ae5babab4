package org.vigil.redaction;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one place where secrets are taken out of text that leaves the process: run reasons and messages, problem
 * details, and every log line (through {@link RedactingLogFilter}). Removes the values of the configured secrets
 * wherever they appear, and secret-looking URL parts (query parameters such as {@code api_key}, user info) even when
 * the value is not configured here.
 */
public final class Redactor {

    /** Configuration keys whose values are secrets. */
    static final List<String> SECRET_KEYS = List.of("vigil.admin-api-key", "vigil.sources.fda-recall.api-key",
            "vigil.notification.secret-key", "quarkus.datasource.password", "quarkus.mailer.password");
    /** Shorter values are not searched for: they would blank out ordinary words. */
    private static final int MIN_SECRET_LENGTH = 6;
    static final String MASK = "***";

    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)([?&;](?:api_key|apikey|access_token|token|password|passwd|secret|client_secret)=)[^&#\\s\"'<>]*");
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s:]+:[^/@\\s]*@");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");

    private static volatile List<String> secrets;

    private Redactor() {
    }

    /** {@code text} without any configured secret or secret-looking URL part; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets()) {
            out = out.replace(secret, MASK);
        }
        out = QUERY_SECRET.matcher(out).replaceAll("$1" + MASK);
        out = USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
        return BEARER.matcher(out).replaceAll("$1" + MASK);
    }

    /** True when {@code text} holds a configured secret (for redacting exceptions only when needed). */
    static boolean containsSecret(String text) {
        return text != null && !redact(text).equals(text);
    }

    private static List<String> secrets() {
        List<String> known = secrets;
        if (known != null) {
            return known;
        }
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (RuntimeException e) {
            return List.of(); // logging before the configuration exists: only the patterns apply
        }
        Set<String> values = new LinkedHashSet<>();
        for (String key : SECRET_KEYS) {
            Optional<String> value;
            try {
                value = config.getOptionalValue(key, String.class);
            } catch (RuntimeException e) {
                continue;
            }
            value.map(String::strip).filter(v -> v.length() >= MIN_SECRET_LENGTH).ifPresent(values::add);
        }
        // Longest first, so a secret containing another is masked whole.
        known = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        secrets = known;
        return known;
    }
}
