package org.vigil.matching.finding;

import java.util.Arrays;
import java.util.List;

/** The columns of the findings CSV export: one row per device × advisory, triage and evidence included. */
final class FindingCsv {

    static final List<String> HEADER = List.of("id", "state", "confidence", "needsReview", "advisoryId", "source",
            "severity", "cvssMax", "kev", "advisoryTitle", "advisoryRevision", "deviceId", "assetId", "manufacturer",
            "model", "version", "location", "department", "quantity", "reasons", "justification", "resolution",
            "triagedBy", "triagedAt", "firstSeen", "lastSeen", "advisoryUrl");

    private FindingCsv() {
    }

    static List<Object> row(FindingView f) {
        var a = f.advisory();
        var d = f.device();
        return Arrays.asList(f.id(), f.state(), f.confidence(), f.needsReview(), a == null ? null : a.id(),
                a == null ? null : a.source(), a == null ? null : a.severity(), a == null ? null : a.cvssMax(),
                a == null ? null : a.kev(), a == null ? null : a.title(), f.advisoryRevision(), d.id(), d.assetId(),
                d.manufacturer(), d.model(), d.version(), d.location(), d.department(), d.quantity(), f.reasons(),
                f.justification(), f.resolution(), f.triagedBy(), f.triagedAt(), f.firstSeen(), f.lastSeen(),
                a == null ? null : a.url());
    }
}
