package org.vigil.version;

import java.util.List;
import org.vigil.version.SlotGrammar.Reading;

/**
 * A CSAF version slot read as a range and tested against device versions. {@link SlotGrammar} reads the text
 * (operators, {@code vers:}, lists, wildcards, prose, release letters, and the models, dates and conditions that
 * advisories also put there); {@link Version} and {@link Bound} compare. Tests never say OUT unless a readable
 * bound excludes the version: no version limit is {@link Verdict#ALL}, unreadable text {@link Verdict#UNDECIDED}.
 */
public final class VersionRange {

    public static final String UNPARSEABLE = "unparseable";

    /**
     * What the slot holds. CONDITION is a date, an operating system, an option, an edition or a component's
     * hardware: a limit the inventory cannot show, so every version is affected.
     */
    public enum Kind { ALL, CONSTRAINTS, EXACT, WILDCARD, MODEL, CONDITION, UNPARSEABLE }

    /** What a range says about one device version. */
    public enum Verdict {
        /** Inside the range. */
        IN,
        /** Clearly outside: a comparable bound excludes it. */
        OUT,
        /** The range covers every version (or sets no restriction). */
        ALL,
        /** The device version is blank or not a version at all. */
        UNKNOWN,
        /** Only bounds of other version series (U61 vs L81), or a range we could not read: a person must look. */
        UNDECIDED
    }

    private final String text;
    private final Reading reading;

    private VersionRange(String text, Reading reading) {
        this.text = text;
        this.reading = reading;
    }

    public static VersionRange parse(String raw) {
        return new VersionRange(raw == null ? "" : raw.strip(), SlotGrammar.read(raw));
    }

    /** Where a device version stands. Blank or non-version device text is {@link Verdict#UNKNOWN}. */
    public Verdict test(String deviceVersion) {
        Kind kind = reading.kind();
        if (kind == Kind.ALL || kind == Kind.MODEL || kind == Kind.CONDITION) {
            return Verdict.ALL;
        }
        if (writtenAsListed(deviceVersion)) {
            return Verdict.IN;
        }
        Version v = Version.parse(deviceVersion);
        if (v == null) {
            return Verdict.UNKNOWN;
        }
        if (kind == Kind.UNPARSEABLE) {
            return Verdict.UNDECIDED;
        }
        boolean out = false;
        for (Clause c : reading.clauses()) {
            Verdict r = c.test(v);
            if (r == Verdict.IN) {
                return Verdict.IN;
            }
            out |= r == Verdict.OUT;
        }
        return out ? Verdict.OUT : Verdict.UNDECIDED;
    }

    /**
     * The device version is, letter for letter (case and spacing aside), the version text or one item of its "|"
     * list, with no comparison in it: "0x0110_v1.1.0" for "0x0110_v1.1.0" is in whatever the grammar makes of it.
     */
    private boolean writtenAsListed(String deviceVersion) {
        if (deviceVersion == null || deviceVersion.isBlank() || text.matches(".*[<>=*].*") || text.contains("vers:")) {
            return false;
        }
        String d = squash(deviceVersion);
        for (String item : text.split("\\|")) {
            if (!item.isBlank() && squash(item).equals(d)) {
                return true;
            }
        }
        return false;
    }

    private static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    public Kind kind() {
        return reading.kind();
    }

    public String text() {
        return text;
    }

    /** The model written with the version ("35700BAX2" in "v8.x model 35700BAX2", "653 MCE" in "653 MCE 3.x"). */
    public String model() {
        return reading.model();
    }

    /** A note set aside ("(with Wireless Battery Modules …)", "on Windows 8.1"), or the whole condition; or null. */
    public String qualifier() {
        return reading.qualifier();
    }

    /** The range in canonical form ("*", "&gt;=1.0,&lt;2.0|&lt;=U61", "8.*") or {@link #UNPARSEABLE}. */
    public String canonical() {
        return switch (reading.kind()) {
            case ALL, CONDITION -> "*";
            case WILDCARD, CONSTRAINTS, EXACT -> String.join("|", clauses().stream().map(Clause::canonical).toList());
            default -> UNPARSEABLE;
        };
    }

    List<Clause> clauses() {
        return reading.clauses();
    }

    @Override
    public String toString() {
        return text;
    }
}
