package org.vigil.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.advisory.Severity;
import org.vigil.api.ProblemDetail.FieldError;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;

/** Checks a {@link SubscriptionInput} field by field and builds the subscription it describes. Pure. */
public final class SubscriptionValidator {

    static final int MAX_EMAILS = 20;
    // Deliberately plain: one @, no spaces or separators, a dotted domain. SMTP has the last word anyway.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private SubscriptionValidator() {
    }

    public record Result(Subscription subscription, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** @param allowHttp accept http:// webhook URLs ({@code vigil.webhooks.allow-http}) */
    public static Result validate(SubscriptionInput in, boolean allowHttp) {
        List<FieldError> errors = new ArrayList<>();
        Subscription s = new Subscription();
        if (in.name() != null && in.name().length() > 200) {
            errors.add(new FieldError("name", "at most 200 characters"));
        }
        s.name = blankToNull(in.name());
        s.channel = parse(Subscription.Channel.class, in.channel(), "channel", errors, true);
        if (s.channel == Subscription.Channel.EMAIL) {
            emails(in.emails(), s, errors);
            if (in.url() != null) {
                errors.add(new FieldError("url", "only for channel WEBHOOK"));
            }
        } else if (s.channel == Subscription.Channel.WEBHOOK) {
            url(in.url(), allowHttp, s, errors);
            if (in.emails() != null && !in.emails().isEmpty()) {
                errors.add(new FieldError("emails", "only for channel EMAIL"));
            }
        }
        s.minSeverity = parse(Severity.class, in.minSeverity(), "minSeverity", errors, false);
        s.minConfidence = parse(Confidence.class, in.minConfidence(), "minConfidence", errors, false);
        sources(in.sources(), s, errors);
        eventTypes(in.eventTypes(), s, errors);
        s.mode = in.mode() == null ? Subscription.Mode.IMMEDIATE : parse(Subscription.Mode.class, in.mode(), "mode", errors, true);
        s.heartbeat = Boolean.TRUE.equals(in.heartbeat());
        if (s.mode == Subscription.Mode.DAILY_DIGEST) {
            digest(in, s, errors);
        } else if (s.mode == Subscription.Mode.IMMEDIATE) {
            if (in.digestHour() != null) {
                errors.add(new FieldError("digestHour", "only for mode DAILY_DIGEST"));
            }
            if (s.heartbeat) {
                errors.add(new FieldError("heartbeat", "only for mode DAILY_DIGEST"));
            }
        }
        return new Result(s, errors);
    }

    private static void emails(List<String> emails, Subscription s, List<FieldError> errors) {
        if (emails == null || emails.isEmpty()) {
            errors.add(new FieldError("emails", "at least one address is required for channel EMAIL"));
            return;
        }
        if (emails.size() > MAX_EMAILS) {
            errors.add(new FieldError("emails", "at most " + MAX_EMAILS + " addresses"));
            return;
        }
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < emails.size(); i++) {
            String e = emails.get(i) == null ? "" : emails.get(i).trim();
            if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
                errors.add(new FieldError("emails[" + i + "]", "not a valid email address"));
            } else {
                clean.add(e);
            }
        }
        s.emailTo = Subscription.join(clean);
    }

    private static void url(String url, boolean allowHttp, Subscription s, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "an https URL is required for channel WEBHOOK"));
            return;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "not a valid URL"));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            errors.add(new FieldError("url", "must be an https URL"));
        } else if (uri.getHost() == null) {
            errors.add(new FieldError("url", "must name a host"));
        } else if (uri.getUserInfo() != null) {
            errors.add(new FieldError("url", "must not carry credentials; authenticate with the signature"));
        } else if (uri.getFragment() != null) {
            errors.add(new FieldError("url", "must not have a #fragment"));
        } else if (url.length() > 2000) {
            errors.add(new FieldError("url", "at most 2000 characters"));
        }
        s.webhookUrl = url.trim();
    }

    private static void sources(List<String> sources, Subscription s, List<FieldError> errors) {
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; sources != null && i < sources.size(); i++) {
            String v = sources.get(i) == null ? "" : sources.get(i).trim();
            if (!SOURCE.matcher(v).matches()) {
                errors.add(new FieldError("sources[" + i + "]", "not a source name (e.g. cisa-csaf, fda-recall)"));
            } else {
                clean.add(v);
            }
        }
        s.sources = Subscription.join(clean);
    }

    private static void eventTypes(List<String> types, Subscription s, List<FieldError> errors) {
        Set<MatchEventType> set = EnumSet.noneOf(MatchEventType.class);
        if (types == null || types.isEmpty()) {
            set = EnumSet.allOf(MatchEventType.class);
        }
        for (int i = 0; types != null && i < types.size(); i++) {
            MatchEventType t = parse(MatchEventType.class, types.get(i), "eventTypes[" + i + "]", errors, true);
            if (t != null) {
                set.add(t);
            }
        }
        s.eventTypes = Subscription.join(set);
    }

    private static void digest(SubscriptionInput in, Subscription s, List<FieldError> errors) {
        if (in.digestHour() == null || in.digestHour() < 0 || in.digestHour() > 23) {
            errors.add(new FieldError("digestHour", "an hour from 0 to 23 is required for mode DAILY_DIGEST"));
        }
        s.digestHour = in.digestHour();
        if (in.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(in.timeZone())) {
            errors.add(new FieldError("timeZone", "an IANA time zone such as Europe/Berlin is required for mode DAILY_DIGEST"));
        }
        s.digestZone = in.timeZone();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required; one of " + Arrays.toString(type.getEnumConstants())));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
