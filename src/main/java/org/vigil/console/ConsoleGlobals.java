package org.vigil.console;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;
import org.vigil.advisory.Severity;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.FindingState;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.notification.outbox.Delivery;

/** The choices select boxes offer, straight from the enums the services parse, so a new value shows up by itself. */
@TemplateGlobal
public final class ConsoleGlobals {

    static final List<FindingState> findingStates = List.of(FindingState.values());
    static final List<Severity> severities = List.of(Severity.values());
    static final List<Confidence> confidences = List.of(Confidence.values());
    static final List<MatchEventType> eventTypes = List.of(MatchEventType.values());
    static final List<String> deliveryStatuses = java.util.Arrays.stream(Delivery.Status.values()).map(Enum::name).toList();

    private ConsoleGlobals() {
    }
}
