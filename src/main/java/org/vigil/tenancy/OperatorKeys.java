package org.vigil.tenancy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an operator key configured in {@code VIGIL_ADMIN_API_KEY} must be: long, and not a value anyone has read in
 * documentation. The deploy files and earlier docs shipped placeholders long enough to pass the length check; a
 * newcomer who applies them as they are must get a refusal, not a publicly known operator key.
 */
final class OperatorKeys {

    static final int MIN_LENGTH = 24;

    /** Placeholders that were or are written in deploy files and docs, and the words they are made of. */
    private static final List<String> DOCUMENTED = List.of("change-me-to-a-long-random-value-0000",
            "replace-with-the-output-of-openssl-rand-base64-32");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*(change[-_ ]?me|replace[-_ ]?(me|with)|placeholder|your[-_ ]?(own[-_ ]?)?key|example|xxxxxx|<.*>).*");

    private OperatorKeys() {
    }

    /** Thrown at startup for a key Vigil will not accept; the message never quotes the key. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Throws {@link Refused} for a key that is too short or a documented placeholder. */
    static void check(String key) {
        if (key.length() < MIN_LENGTH) {
            throw new Refused("VIGIL_ADMIN_API_KEY must be at least " + MIN_LENGTH + " characters (it has "
                    + key.length() + "); generate one with: openssl rand -base64 32");
        }
        boolean documented = DOCUMENTED.stream().anyMatch(d -> d.equalsIgnoreCase(key))
                || PLACEHOLDER.matcher(key).matches() || key.chars().distinct().count() < 6;
        if (documented) {
            throw new Refused("VIGIL_ADMIN_API_KEY is a placeholder from the documentation or deploy files, known to "
                    + "anyone; generate one with: openssl rand -base64 32 (see docs/operations.md, Deploying)");
        }
    }
}
